using PReluKit.Notebooks;

namespace PReluKit.Tests.Notebooks;

/// <summary>The setup cell's line: each notebook's committed time and their sum, from one file.</summary>
public class KitSetupTests
{
    [Fact]
    public void The_setup_line_quotes_each_notebooks_time_and_their_sum_from_the_same_file()
    {
        var times = new MeasuredTimes();
        times.Set("01-a", "standard", new MeasuredTimes.Measurement(15.8, "2-core idle", "abc1234"));
        times.Set("04-b", "standard", new MeasuredTimes.Measurement(77.6, "2-core idle", "abc1234"));
        times.Set("04-b", "quick", new MeasuredTimes.Measurement(13, "2-core idle", "abc1234"));

        Assert.Equal("all 2 notebooks in about 1 min 33 s under standard (measured on a 2-core idle, commit abc1234): 01 16 s, 04 1 min 18 s",
                     KitSetup.TimesSentence(times, "standard"));
        Assert.Equal("render time not measured under full", KitSetup.TimesSentence(times, "full"));
    }
}
