using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Executes a notebook headless with dotnet-repl (the local tool; the same kernel as Polyglot Notebooks).</summary>
internal static class NotebookRunner
{
    private static string NuGetFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>True when <c>dotnet tool restore</c> has fetched dotnet-repl.</summary>
    public static bool ToolRestored => Directory.Exists(Path.Combine(NuGetFolder, "dotnet-repl"));

    /// <summary>Runs <c>notebooks/NAME.ipynb</c> in the given profile; returns the exit code and the executed notebook.</summary>
    public static (int ExitCode, JsonNode Executed, string Log) Run(string name, string profile, string resultsFolder, string outputFolder)
    {
        var output = Path.Combine(outputFolder, name + ".ipynb");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Combine("notebooks"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "repl", "--run", name + ".ipynb", "--exit-after-run", "--output-path", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PRELUKIT_PROFILE"] = profile;
        start.Environment["PRELUKIT_RESULTS"] = resultsFolder;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} ran over 5 minutes");
        }

        var log = stdout.Result + stderr.Result;
        Assert.True(File.Exists(output), $"dotnet-repl wrote no {output}: {log}");
        return (process.ExitCode, JsonNode.Parse(File.ReadAllText(output))!, log);
    }
}
