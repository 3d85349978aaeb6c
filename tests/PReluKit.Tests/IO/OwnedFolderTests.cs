using PReluKit.IO;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.IO;

/// <summary>The folder a command writes whole: only its own, staged and replaced at once, left as found when it stops.</summary>
public class OwnedFolderTests
{
    private const string Command = "prelu test";

    [Fact]
    public void A_folder_holding_a_file_the_command_did_not_write_is_refused_naming_it_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("Directory.Build.props"), "<Project />");

        var error = Assert.Throws<ArgumentException>(() => OwnedFolder.Open(folder.Path, Command, "--out", ["runs"]));

        Assert.Equal($"--out: '{folder.Path}' holds files {Command} did not write ('Directory.Build.props'); give a new or empty folder, or one {Command} wrote.",
                     error.Message);
        Assert.Equal(["Directory.Build.props"], Names(folder.Path));
    }

    [Fact]
    public void A_commit_replaces_the_old_files_keeps_what_it_is_told_and_removes_what_the_command_no_longer_writes()
    {
        using var folder = new TempFolder();
        var site = folder.Combine("site");
        using (var first = OwnedFolder.Open(site, Command, "--out", ["runs"]))
        {
            File.WriteAllText(Path.Combine(first.Staging, "a.html"), "a1");
            File.WriteAllText(Path.Combine(first.Staging, "b.html"), "b1");
            File.WriteAllText(Path.Combine(first.Staging, "c.html"), "c1");
            Directory.CreateDirectory(Path.Combine(site, "runs"));
            first.Commit([]);
        }

        using (var second = OwnedFolder.Open(site, Command, "--out", ["runs"]))
        {
            Assert.True(second.Wrote("b.html"));
            File.WriteAllText(Path.Combine(second.Staging, "a.html"), "a2");
            second.Commit(["b.html"]);
        }

        Assert.Equal([OwnedFolder.ManifestName, "a.html", "b.html", "runs"], Names(site));
        Assert.Equal(("a2", "b1"), (File.ReadAllText(Path.Combine(site, "a.html")), File.ReadAllText(Path.Combine(site, "b.html"))));
    }

    [Fact]
    public void Stopped_before_its_commit_it_leaves_a_new_folder_absent_and_an_old_one_byte_for_byte()
    {
        using var folder = new TempFolder();
        var site = folder.Combine("site");
        using (var stopped = OwnedFolder.Open(site, Command, "--out", ["runs"]))
        {
            File.WriteAllText(Path.Combine(stopped.Staging, "a.html"), "a1");
        }

        Assert.False(Directory.Exists(site));

        using (var first = OwnedFolder.Open(site, Command, "--out", ["runs"]))
        {
            File.WriteAllText(Path.Combine(first.Staging, "a.html"), "a1");
            first.Commit([]);
        }

        var before = Snapshot(site);
        using (var stopped = OwnedFolder.Open(site, Command, "--out", ["runs"]))
        {
            File.WriteAllText(Path.Combine(stopped.Staging, "a.html"), "a2");
        }

        Assert.Equal(before, Snapshot(site));
    }

    [Fact]
    public void Another_commands_folder_and_a_damaged_list_are_refused_naming_them()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine(OwnedFolder.ManifestName), """{"command": "prelu other", "files": []}""");
        var other = Assert.Throws<ArgumentException>(() => OwnedFolder.Open(folder.Path, Command, "--out", []));
        Assert.Contains("holds the output of prelu other", other.Message, StringComparison.Ordinal);

        File.WriteAllText(folder.Combine(OwnedFolder.ManifestName), """{"command": "prelu test", "files": ["../escape"]}""");
        var damaged = Assert.Throws<InvalidDataException>(() => OwnedFolder.Open(folder.Path, Command, "--out", []));
        Assert.StartsWith(folder.Combine(OwnedFolder.ManifestName) + ": expected", damaged.Message, StringComparison.Ordinal);
        Assert.Equal([OwnedFolder.ManifestName], Names(folder.Path)); // no lock file left either
    }

    private static List<string> Names(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static List<string> Snapshot(string folder) =>
        [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p) + " " + File.ReadAllText(p))];
}
