using System.Diagnostics;
using PReluKit.Benchmarking;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Benchmarking;

[Collection(SerialCollection.Name)] // counts this process's child shells: no other test may start one meanwhile
public class BusyCompetitorsTests
{
    [Fact]
    public void Competitors_burn_cpu_while_they_run_and_are_gone_once_disposed()
    {
        Assert.True(BusyCompetitors.IsAvailable);
        int[] ids;
        using (var competitors = BusyCompetitors.Start(2))
        {
            Assert.Equal(2, competitors.Count);
            ids = [.. ChildrenOfThisProcess()];
            Assert.Equal(2, ids.Length);
            var cpu = ids.Select(id => Process.GetProcessById(id).TotalProcessorTime).ToArray();
            Thread.Sleep(300);
            Assert.All(ids, (id, i) => Assert.True(Process.GetProcessById(id).TotalProcessorTime > cpu[i], $"competitor {id} is not busy"));
        }

        Assert.All(ids, id => Assert.DoesNotContain(id, ChildrenOfThisProcess()));
    }

    [Fact]
    public void Zero_competitors_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => BusyCompetitors.Start(0));

    /// <summary>The busy shells this process started, from /proc (their parent is this process).</summary>
    private static IEnumerable<int> ChildrenOfThisProcess() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var id) ? id : -1).Where(id => id > 0)
            .Where(id => File.Exists($"/proc/{id}/stat") && TryRead($"/proc/{id}/stat") is { } stat
                         && stat.Contains("(sh)", StringComparison.Ordinal)
                         && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                         && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z");

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended while we looked
        }
    }
}
