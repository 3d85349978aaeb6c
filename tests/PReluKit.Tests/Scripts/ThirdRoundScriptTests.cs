using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Scripts;

/// <summary>Issue 33's script cases, each through the real script built and run with <c>dotnet run</c>.</summary>
public class ThirdRoundScriptTests
{
    /// <summary>A notebook name with a quote and a line break: the export must still write C# that compiles.</summary>
    private const string OddName = "say \"hi\"\nthen // more";

    /// <summary>Cases 9, 10 and 12: an exported notebook with an odd name builds, refuses bad input in one line, and writes runs under the folder it runs in.</summary>
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case09_10_12_an_exported_script_with_an_odd_name_compiles_refuses_bad_input_in_one_line_and_writes_under_its_working_folder()
    {
        using var folder = new TempFolder();
        var scripts = folder.Combine("scripts");
        var workingFolder = folder.Combine("runfrom", "sub");
        Directory.CreateDirectory(scripts);
        Directory.CreateDirectory(workingFolder);
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Cell("markdown", "# Probe"),
                Cell("code", "#r \"../lib/PReluKit.Notebooks/bin/notebooks/PReluKit.Notebooks.dll\"\nusing PReluKit.Notebooks;\n" +
                             "var runs = RunProfile.FromEnvironment().ResultsFolder(\"probe\");\nSystem.IO.Directory.CreateDirectory(runs);\n" +
                             "System.IO.File.WriteAllText(System.IO.Path.Combine(runs, \"run.txt\"), \"a run\");\nruns")),
        };
        File.WriteAllText(Path.Combine(scripts, "probe.cs"), NotebookScript.Export(notebook, OddName, Path.GetRelativePath(scripts, RepositoryRoot.Combine("lib"))));
        var script = Path.Combine(scripts, "probe.cs");

        FileBasedAppCache.Cleaned("probe", () =>
        {
            (int Code, string Output, string Error) Run(string? profile, params string[] arguments)
            {
                var start = ChildProcess.StartInfo("dotnet", workingFolder, ["run", script, "--", .. arguments]);
                start.Environment.Remove("PRELUKIT_RESULTS");
                start.Environment["PRELUKIT_PROFILE"] = profile ?? "quick";
                return ChildProcess.Run(start, TimeSpan.FromMinutes(10));
            }

            foreach (var (profile, arguments, expected) in new (string?, string[], string)[]
                     {
                         (null, [], "error: PAGE: give the one page to write"),
                         (null, ["missing/page.html"], "error: PAGE: the folder of 'missing/page.html' does not exist"),
                         ("huge", ["page.html"], "error: PRELUKIT_PROFILE: 'huge' is not one of: quick, standard, full."),
                     })
            {
                var (code, output, error) = Run(profile, arguments);
                Assert.True(code == 2, $"exit {code} for [{string.Join(' ', arguments)}] {profile}: {output} {error}");
                Assert.Contains(expected, error);
                Assert.DoesNotContain("Unhandled", output + error);
                Assert.DoesNotContain("   at ", error);
                Assert.Empty(Directory.EnumerateFileSystemEntries(workingFolder));
            }

            var ran = Run("quick", "page.html");
            Assert.True(ran.Code == 0, $"exit {ran.Code}: {ran.Output} {ran.Error}");
            Assert.True(File.Exists(Path.Combine(workingFolder, "results", "probe-quick", "run.txt")), "the run is not under the working folder's results/");
            Assert.False(Directory.Exists(folder.Combine("runfrom", "results")), "the script wrote into the parent of its working folder");
            Assert.True(File.Exists(Path.Combine(workingFolder, "page.html")));
            return 0;
        });
    }

    /// <summary>Cases 13 and 20: compare.cs names an empty FOLDER argument, and Ctrl-C stops it with one line, exit 1 and its lock released.</summary>
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case13_20_compare_script_names_an_empty_folder_argument_and_stops_on_ctrl_c_with_one_line_and_no_lock_left()
    {
        using var folder = new TempFolder();
        var script = RepositoryRoot.Combine("notebooks", "scripts", "compare.cs");
        FileBasedAppCache.Cleaned("compare", () =>
        {
            var empty = ChildProcess.Run(ChildProcess.StartInfo("dotnet", folder.Path, ["run", script, "--", "1", "1", ""]), TimeSpan.FromMinutes(10));
            Assert.True(empty.ExitCode == 2, $"exit {empty.ExitCode}: {empty.Output} {empty.Error}");
            Assert.Contains("error: FOLDER (argument 3): is empty", empty.Error);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));

            // setsid: the script and dotnet run form one process group, which gets the signal as a terminal's Ctrl-C would send it.
            var start = ChildProcess.StartInfo("setsid", folder.Path, ["dotnet", "run", script, "--", "50", "3", "out"]);
            start.Environment.Remove("PRELUKIT_DATA");
            using var process = new Process { StartInfo = start };
            var (output, error) = (new System.Text.StringBuilder(), new System.Text.StringBuilder());
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var lockFile = folder.Combine("out", ".prelu.lock");
            var waited = Stopwatch.StartNew();
            while (!File.Exists(lockFile) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(8))
            {
                Thread.Sleep(500);
            }

            Assert.True(File.Exists(lockFile), $"the script never took its folder's lock: {(process.HasExited ? error.ToString() : "")}");
            Thread.Sleep(TimeSpan.FromSeconds(3)); // into the first run
            PReluKit.Tests.Cli.SecondRoundReliabilityTests.Shell(folder.Path, $"kill -INT -{process.Id}");
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the script did not stop within 2 minutes of Ctrl-C");

            process.WaitForExit(); // the output's last lines
            var (printed, complained) = (output.ToString(), error.ToString());
            Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {printed} {complained}");
            Assert.Contains("cancelled (Ctrl-C)", complained);
            Assert.DoesNotContain("   at ", complained);
            Assert.False(File.Exists(lockFile), "the lock was left");
            Assert.False(File.Exists(folder.Combine("out", ".prelu.lock.owner")), "the lock's owner file was left");
            return 0;
        });
    }

    private static JsonObject Cell(string type, string source) =>
        new() { ["cell_type"] = type, ["source"] = source, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray() };
}
