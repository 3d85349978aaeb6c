using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PReluKit.Runs;

/// <summary>
/// <c>MANIFEST.sha256</c> of a recorded experiment or sweep: the SHA-256 of every other file under its folder, one
/// <c>HASH  PATH</c> line each in <c>sha256sum</c>'s format (so <c>sha256sum -c MANIFEST.sha256</c> checks it too), written
/// by <see cref="Writer"/> when the experiment is recorded. Checked on every load before anything is read, so a changed,
/// missing or extra file is refused: an edit that keeps every file valid (an accuracy changed, a record dropped) is found.
/// </summary>
public static partial class FileHashManifest
{
    /// <summary>The manifest's file name in the experiment's folder.</summary>
    public const string FileName = "MANIFEST.sha256";

    /// <summary>The script, relative to the repository root, that writes the manifest of a folder.</summary>
    public const string Writer = "data/recorded/write-manifest.sh";

    /// <summary>Checks that the files under <paramref name="folder"/> are exactly those its manifest lists, each with its hash.</summary>
    /// <exception cref="FileNotFoundException">The folder or its manifest is missing.</exception>
    /// <exception cref="InvalidDataException">A line of the manifest is malformed, or a file is changed, missing or not listed; the message names it.</exception>
    public static void Verify(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is missing: a recorded experiment lists the SHA-256 of each of its files ({Writer} writes it).", path);
        }

        var listed = Read(path);
        var extra = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => file != FileName && !listed.ContainsKey(file))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (extra is not null)
        {
            throw new InvalidDataException($"'{Path.Combine(folder, extra)}' is not listed in '{path}': a recorded experiment holds only the files its manifest lists.");
        }

        foreach (var (file, expected) in listed)
        {
            var full = Path.Combine(folder, file);
            if (!File.Exists(full))
            {
                throw new InvalidDataException($"'{full}' is missing: '{path}' lists it.");
            }

            string actual;
            using (var stream = File.OpenRead(full))
            {
                actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            }

            if (actual != expected)
            {
                throw new InvalidDataException($"'{full}' has changed: its SHA-256 is {actual}, but '{path}' records {expected}.");
            }
        }
    }

    /// <summary>Relative path → hash, in the manifest's order; every line a hash and a plain relative path, none twice.</summary>
    private static Dictionary<string, string> Read(string path)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Line().Match(lines[i]);
            var file = match.Groups["path"].Value;
            var problem = !match.Success ? "is not 'SHA256  PATH' (64 lowercase hex digits, two spaces, a path)"
                : file.Split('/').Any(part => part is "" or "." or "..") || file == FileName ? $"names '{file}', not a plain path inside the folder"
                : listed.ContainsKey(file) ? $"lists '{file}' a second time"
                : null;
            if (problem is not null)
            {
                throw new InvalidDataException($"'{path}': line {i + 1} {problem}.");
            }

            listed[file] = match.Groups["hash"].Value;
        }

        return listed;
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{64}) [ *](?<path>[^\\\\]+)$")]
    private static partial Regex Line();
}
