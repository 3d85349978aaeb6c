using System.Globalization;
using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Scripts;

/// <summary>
/// The scripts in notebooks/scripts run as .NET 10 file-based apps (<c>dotnet run script.cs</c>): trimmed-ready, with
/// reflection-based JSON off, outside the repository's folder and without PRELUKIT_DATA, and write pages that render offline.
/// </summary>
public partial class FileBasedScriptTests
{
    [Fact]
    public async Task The_comparison_script_writes_runs_csvs_and_a_report_and_reuses_its_runs()
    {
        using var folder = new TempFolder();
        var first = Run(folder.Path, "compare.cs", "1", "2", "out");
        Assert.Equal(6, Directory.GetFiles(folder.Combine("out", "runs"), "*.json").Length);
        Assert.True(File.Exists(folder.Combine("out", "contrasts.csv")));
        Assert.Contains("PReLU against Leaky ReLU", first);
        await ReportAssertions.RendersOfflineAsync(folder.Combine("out", "report.html"), Charts(first), "script-compare.png");

        var written = Directory.GetFiles(folder.Combine("out", "runs")).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Run(folder.Path, "compare.cs", "1", "2", "out");
        Assert.All(written, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
    }

    [Fact]
    public async Task The_dead_neuron_script_counts_units_before_and_after_training()
    {
        using var folder = new TempFolder();
        var output = Run(folder.Path, "dead-report.cs", "relu", "1", "dead.html");
        Assert.Matches(@"fc1_act: \d+ of 256 units dead after 1 epochs", output);
        Assert.Matches(@"fc2_act: \d+ of 128 units dead", output);
        await ReportAssertions.RendersOfflineAsync(folder.Combine("dead.html"), 2, "script-dead.png");
    }

    [Fact]
    public async Task The_born_dead_script_finds_constant_relu_nets_and_none_with_leaky_or_prelu()
    {
        using var folder = new TempFolder();
        var output = Run(folder.Path, "born-dead.cs", "50", "born-dead.html");
        Assert.Contains("ReLU, width 2, depth 50", output);
        Assert.DoesNotContain("Leaky", output);
        Assert.DoesNotContain("PReLU", output);
        await ReportAssertions.RendersOfflineAsync(folder.Combine("born-dead.html"), 3, "script-born-dead.png");
    }

    /// <summary>Runs <c>dotnet run notebooks/scripts/NAME -- ARGS</c> in <paramref name="workingDirectory"/>; returns its output.</summary>
    private static string Run(string workingDirectory, string script, params string[] arguments)
    {
        var start = ChildProcess.StartInfo("dotnet", workingDirectory,
                                           ["run", RepositoryRoot.Combine("notebooks", "scripts", script), "--", .. arguments]);
        start.Environment.Remove("PRELUKIT_DATA"); // the shipped subset must be found from the project reference alone
        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, $"dotnet run {script}: exit {exitCode}\n{output}\n{error}");
        return output;
    }

    private static int Charts(string output) => int.Parse(ReportLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Report \((\d+) charts")]
    private static partial Regex ReportLine();
}
