using PReluKit.Activations;
using PReluKit.Jobs;
using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Training;

namespace PReluKit.Tests.Runs;

/// <summary>The folder rules in the library: typed exceptions that name the input the way the caller calls it.</summary>
public class ResultsFolderTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly ComparisonConfig Config = new(TrainingFixture.Tiny, [ActivationSpec.ReLU(), ActivationSpec.PReLU()], [1]);

    private static readonly FolderInputNames Options = new("--out", "--resume", "--merge");

    [Fact]
    public void A_folder_holding_a_comparison_is_refused_unless_resumed_and_the_message_names_the_callers_inputs()
    {
        using var temp = new TempFolder();
        using (var first = ResultsFolder.Open(temp.Path, "first"))
        {
            ComparisonJob.Run(first, Config, data.Train, data.Test, "first");
        }

        using var again = ResultsFolder.Open(temp.Path, "second", Options);
        var refused = Assert.Throws<ResultsFolderException>(() => ComparisonJob.Begin(again, Config, data.Train, data.Test, "second"));
        Assert.Equal(FolderInput.Folder, refused.Input);
        Assert.StartsWith($"--out: '{again.Folder}' already holds a comparison (first, started ", refused.Message);
        Assert.Contains("pass --resume to continue it, or choose another --out.", refused.Message);

        var other = Config with { Seeds = [2] };
        var differs = Assert.Throws<ResultsFolderException>(() => ComparisonJob.Begin(again, other, data.Train, data.Test, "second", resume: true));
        Assert.Equal(FolderInput.Resume, differs.Input);
        Assert.StartsWith("--resume: ", differs.Message);
        Assert.Contains("seeds: 1 → 2", differs.Message);

        ComparisonJob.Begin(again, Config, data.Train, data.Test, "second", resume: true); // the same comparison continues
    }

    [Fact]
    public void Without_names_the_messages_speak_plain_words()
    {
        using var temp = new TempFolder();
        using var target = ResultsFolder.Open(temp.Combine("merged"), "merge");

        var missing = Assert.Throws<ResultsFolderException>(() => ComparisonJob.Merge(target, [temp.Combine("no-shard")], "merge"));

        Assert.Equal(FolderInput.Shards, missing.Input);
        Assert.Equal($"shard folders: '{temp.Combine("no-shard")}' is not a folder.", missing.Message);
    }

    [Fact]
    public void A_job_that_wrote_nothing_leaves_no_folder_behind()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("new", "results");

        ResultsFolder.Open(path, "nothing").Dispose();

        Assert.False(Directory.Exists(path));
    }
}
