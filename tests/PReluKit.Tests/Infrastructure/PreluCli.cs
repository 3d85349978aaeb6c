using System.Diagnostics;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Runs the real <c>prelu</c> command (the CLI project's build output, same configuration as the tests).</summary>
internal static class PreluCli
{
    /// <summary>The smallest real comparison: ReLU and PReLU, two seeds, one epoch on the shipped subset (seconds).</summary>
    public static readonly string[] TinyComparison = ["compare", "--epochs", "1", "--seeds", "2", "--activations", "relu,prelu"];

    public static string Assembly
    {
        get
        {
            // tests/PReluKit.Tests/bin/<Configuration>/net10.0/ → lib/PReluKit.Cli/bin/<Configuration>/net10.0/prelu.dll
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var path = RepositoryRoot.Combine("lib", "PReluKit.Cli", "bin", configuration, framework.Name, "prelu.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build the CLI first: {path} is missing", path);
        }
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var start = ChildProcess.StartInfo("dotnet", workingDirectory, [Assembly, .. arguments]);
        // The shipped subset is found from the repository whatever the working folder.
        start.Environment["PRELUKIT_DATA"] = RepositoryRoot.Combine("data");
        return start;
    }

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments) =>
        RunWith(new Dictionary<string, string>(), workingDirectory, arguments);

    /// <summary>As <see cref="Run"/>, with extra environment variables.</summary>
    public static (int ExitCode, string Output, string Error) RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory,
                                                                      params string[] arguments)
    {
        var start = StartInfo(workingDirectory, arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ChildProcess.Run(start, TimeSpan.FromMinutes(5));
    }
}
