using System.Globalization;
using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Scripts;

/// <summary>
/// The scripts in notebooks/scripts run as .NET 10 file-based apps (<c>dotnet run script.cs</c>): trimmed-ready, with
/// reflection-based JSON off, outside the repository's folder and without PRELUKIT_DATA, and write pages that render offline.
/// </summary>
public partial class FileBasedScriptTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void The_comparison_script_writes_runs_csvs_and_a_report_and_reuses_its_runs()
    {
        var (folder, first) = Compare();
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "out", "runs"), "*.json").Length);
        Assert.True(File.Exists(Path.Combine(folder, "out", "contrasts.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "out", "report.html")));
        Assert.Contains("PReLU against Leaky ReLU", first);

        var written = Directory.GetFiles(Path.Combine(folder, "out", "runs")).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Run(folder, "compare.cs", "1", "2", "out");
        Assert.All(written, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
    }

    [ChromiumFact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task The_comparison_scripts_report_renders_offline()
    {
        var (folder, output) = Compare();
        await ReportAssertions.RendersOfflineAsync(Path.Combine(folder, "out", "report.html"), Charts(output), "script-compare.png");
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void The_dead_neuron_script_counts_units_before_and_after_training()
    {
        var (folder, output) = Dead();
        Assert.Matches(@"fc1_act: \d+ of 256 units dead after 1 epochs", output);
        Assert.Matches(@"fc2_act: \d+ of 128 units dead", output);
        Assert.True(File.Exists(Path.Combine(folder, "dead.html")));
    }

    [ChromiumFact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task The_dead_neuron_scripts_page_renders_offline() =>
        await ReportAssertions.RendersOfflineAsync(Path.Combine(Dead().Folder, "dead.html"), 2, "script-dead.png");

    [Fact]
    public void The_born_dead_script_finds_constant_relu_nets_and_none_with_leaky_or_prelu()
    {
        var (folder, output) = BornDead();
        Assert.Contains("ReLU, width 2, depth 50", output);
        Assert.DoesNotContain("Leaky", output);
        Assert.DoesNotContain("PReLU", output);
        Assert.True(File.Exists(Path.Combine(folder, "born-dead.html")));
    }

    [ChromiumFact]
    public async Task The_born_dead_scripts_page_renders_offline() =>
        await ReportAssertions.RendersOfflineAsync(Path.Combine(BornDead().Folder, "born-dead.html"), 3, "script-born-dead.png");

    private (string Folder, string Output) Compare() => Once("compare.cs", "1", "2", "out");

    private (string Folder, string Output) Dead() => Once("dead-report.cs", "relu", "1", "dead.html");

    private (string Folder, string Output) BornDead() => Once("born-dead.cs", "50", "born-dead.html");

    /// <summary>The script's run, once for the class: its folder and output.</summary>
    private (string Folder, string Output) Once(string script, params string[] arguments) =>
        runs.Once(script, folder => (folder.Path, Run(folder.Path, script, arguments)));

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
