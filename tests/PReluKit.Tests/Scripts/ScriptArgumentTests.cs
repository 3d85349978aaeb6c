using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Scripts;

/// <summary>Issue 20, case 5: every bad argument to the file-based scripts is one line on stderr naming it, exit 2, before any work.</summary>
public class ScriptArgumentTests
{
    [Theory]
    [InlineData("compare.cs", "abc", "EPOCHS (argument 1): 'abc' is not an integer")]
    [InlineData("compare.cs", "1 0", "SEEDS (argument 2): '0' is not an integer between 1")]
    [InlineData("compare.cs", "-1", "EPOCHS (argument 1): '-1'")]
    [InlineData("compare.cs", "1 1 {F}/sub", "FOLDER (argument 3)")]
    [InlineData("dead-report.cs", "bogus", "ACTIVATION (argument 1): 'bogus' is not an activation key")]
    [InlineData("dead-report.cs", "leaky:1e308", "ACTIVATION (argument 1): 'leaky:1e308'")]
    [InlineData("dead-report.cs", "relu 1 /nonexistent/dir/d.html", "PAGE (argument 3)")]
    [InlineData("dead-report.cs", "relu 1 d.html extra", "unexpected argument 4")]
    [InlineData("born-dead.cs", "abc", "TRIALS (argument 1)")]
    [InlineData("born-dead.cs", "10 /nonexistent/dir/b.html", "PAGE (argument 2)")]
    public void A_bad_argument_is_one_line_naming_it_and_exit_2(string script, string arguments, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("file"), "x");
        var start = ChildProcess.StartInfo("dotnet", folder.Path,
            ["run", RepositoryRoot.Combine("notebooks", "scripts", script), "--", .. arguments.Replace("{F}", folder.Combine("file"), StringComparison.Ordinal).Split(' ')]);
        var (code, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(10));
        Assert.True(code == 2, $"{script} {arguments}: exit {code}\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
        Assert.Contains("usage: dotnet run " + script, line);
        Assert.Equal(["file"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }
}
