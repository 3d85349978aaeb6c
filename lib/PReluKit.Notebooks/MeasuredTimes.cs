using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PReluKit.Notebooks;

/// <summary>
/// How long each notebook took to render, per profile, and where: the committed <c>notebooks/measured-times.json</c> that
/// the course site quotes, and the <c>times.json</c> every render writes beside its pages (the committed file merged with
/// what this render measured, so copying it over the committed one refreshes it).
/// </summary>
/// <remarks>
/// The file: <c>{"notebooks": {"01-what-is-prelu": {"quick": {"seconds": 12.3, "machine": "…", "commit": "…"}}}}</c>.
/// Each entry keeps its own machine and commit, because a render with <c>--only</c> refreshes only some of them.
/// </remarks>
public sealed class MeasuredTimes
{
    /// <summary>The committed file's name, in the notebooks' folder.</summary>
    public const string FileName = "measured-times.json";

    /// <summary>The longest time a file may record for one notebook: a day. More is a typo or a damaged file, not a render.</summary>
    public const int MaxSeconds = 24 * 3600;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SortedDictionary<string, SortedDictionary<string, Measurement>> _byNotebook = new(StringComparer.Ordinal);

    /// <summary>Every notebook with at least one measurement.</summary>
    public IEnumerable<string> Notebooks => _byNotebook.Keys;

    /// <summary>The measurements of <paramref name="notebook"/>, in the order of <see cref="RunProfile.Names"/>.</summary>
    public IReadOnlyList<(string Profile, Measurement Measurement)> Of(string notebook) =>
        _byNotebook.TryGetValue(notebook, out var profiles)
            ? [.. RunProfile.Names.Where(profiles.ContainsKey).Select(p => (p, profiles[p]))]
            : [];

    /// <summary>Records (or replaces) one measurement.</summary>
    public void Set(string notebook, string profile, Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (!RunProfile.Names.Contains(profile))
        {
            throw new ArgumentException($"'{profile}' is not a profile: {string.Join(", ", RunProfile.Names)}.", nameof(profile));
        }

        if (!_byNotebook.TryGetValue(notebook, out var profiles))
        {
            _byNotebook[notebook] = profiles = new SortedDictionary<string, Measurement>(StringComparer.Ordinal);
        }

        profiles[profile] = measurement;
    }

    /// <summary>The times in <paramref name="path"/>, or none when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not such a file; the message names it and the bad entry.</exception>
    public static MeasuredTimes Load(string path)
    {
        var times = new MeasuredTimes();
        if (!File.Exists(path))
        {
            return times;
        }

        JsonNode? root;
        try
        {
            // A key given twice is refused here, naming the file, instead of failing later without it.
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message})", e);
        }

        if (root?["notebooks"] is not JsonObject notebooks)
        {
            throw new InvalidDataException($"{path}: expected an object with a \"notebooks\" object.");
        }

        foreach (var (notebook, profiles) in notebooks)
        {
            if (profiles is not JsonObject byProfile)
            {
                throw new InvalidDataException($"{path}: notebooks.{notebook} is not an object of profiles.");
            }

            foreach (var (profile, entry) in byProfile)
            {
                var where = $"{path}: notebooks.{notebook}.{profile}";
                if (!RunProfile.Names.Contains(profile))
                {
                    throw new InvalidDataException($"{where}: '{profile}' is not a profile ({string.Join(", ", RunProfile.Names)}).");
                }

                var seconds = entry?["seconds"] is JsonValue value && value.TryGetValue<double>(out var s) ? s : double.NaN;
                if (seconds is not (> 0 and <= MaxSeconds))
                {
                    throw new InvalidDataException($"{where}.seconds must be a finite positive number of seconds, at most {MaxSeconds} (a day); " +
                                                   $"got {entry?["seconds"]?.ToJsonString() ?? "nothing"}.");
                }

                times.Set(notebook, profile, new Measurement(seconds, Text(entry, "machine", where), Text(entry, "commit", where)));
            }
        }

        return times;
    }

    /// <summary>These times with <paramref name="newer"/>'s entries replacing or adding to them.</summary>
    public MeasuredTimes MergedWith(MeasuredTimes newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var merged = new MeasuredTimes();
        foreach (var source in new[] { this, newer })
        {
            foreach (var (notebook, profiles) in source._byNotebook)
            {
                foreach (var (profile, measurement) in profiles)
                {
                    merged.Set(notebook, profile, measurement);
                }
            }
        }

        return merged;
    }

    /// <summary>Writes the file (atomically).</summary>
    public void Write(string path)
    {
        var notebooks = new JsonObject();
        foreach (var (notebook, profiles) in _byNotebook)
        {
            var byProfile = new JsonObject();
            foreach (var (profile, m) in Of(notebook))
            {
                byProfile[profile] = new JsonObject { ["seconds"] = Math.Round(m.Seconds, 1), ["machine"] = m.Machine, ["commit"] = m.Commit };
            }

            notebooks[notebook] = byProfile;
        }

        IO.AtomicFile.WriteAllText(path, new JsonObject { ["notebooks"] = notebooks }.ToJsonString(Indented) + "\n");
    }

    /// <summary>
    /// "Takes about 12 s under quick, 1 min 10 s under standard.", each time followed by its machine and commit when
    /// <paramref name="withMachine"/>; null without a measurement.
    /// </summary>
    public string? Sentence(string notebook, bool withMachine)
    {
        var measured = Of(notebook);
        return measured.Count == 0
            ? null
            : "Takes about " + string.Join(withMachine ? "; " : ", ", measured.Select(m => $"{Duration(m.Measurement.Seconds)} under {m.Profile}" +
                  (withMachine ? $" (on a {m.Measurement.Machine}, commit {m.Measurement.Commit})" : ""))) + ".";
    }

    /// <summary>
    /// "all 6 notebooks in about 5 min 10 s under standard (on a 2-core …, commit …)": the sum over every notebook measured
    /// under <paramref name="profile"/>, with the machine and commit of the first; "not measured under full" when none is.
    /// </summary>
    public string ProfileSentence(string profile)
    {
        var measured = _byNotebook.Keys.Order(StringComparer.Ordinal)
            .SelectMany(n => Of(n).Where(m => m.Profile == profile).Select(m => m.Measurement)).ToList();
        return measured.Count == 0
            ? $"render time not measured under {profile}"
            : $"all {measured.Count} notebooks in about {Duration(measured.Sum(m => m.Seconds))} under {profile} " +
              $"(measured on a {measured[0].Machine}, commit {measured[0].Commit})";
    }

    /// <summary>"45 s", "1 min 10 s", "2 h 5 min": a duration as a reader estimates it.</summary>
    public static string Duration(double seconds)
    {
        var whole = (long)Math.Round(seconds);
        return whole switch
        {
            < 60 => $"{Math.Max(1, whole)} s",
            < 3600 => whole % 60 == 0 ? $"{whole / 60} min" : $"{whole / 60} min {whole % 60} s",
            _ => (whole % 3600) / 60 == 0 ? $"{whole / 3600} h" : $"{whole / 3600} h {(whole % 3600) / 60} min",
        };
    }

    private static string Text(JsonNode? entry, string key, string where) =>
        entry?[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new InvalidDataException($"{where}.{key} must be a non-empty string.");

    /// <summary>One render's time.</summary>
    /// <param name="Seconds">Wall-clock seconds for the notebook, finite and positive (a file holds at most <see cref="MaxSeconds"/>).</param>
    /// <param name="Machine">The machine, as <see cref="ThisMachine"/> describes it.</param>
    /// <param name="Commit">The repository's commit, or "unknown".</param>
    public sealed record Measurement(double Seconds, string Machine, string Commit);

    /// <summary>
    /// "2-core Debian GNU/Linux 12 (bookworm), busy: 1.8 of 2 cores in use by other work": cores, system and, when other
    /// processes kept more than half the cores busy during a one-second look before the render, how many.
    /// </summary>
    public static string ThisMachine()
    {
        var machine = $"{Environment.ProcessorCount}-core {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
        // A busy machine renders slower: say so, so nobody reads the time as an idle machine's. The load average would
        // also count the work this process or a render just before it did; CPU time sampled now counts only others.
        var busy = BusyCores(TimeSpan.FromSeconds(1));
        return busy > 0.5 * Environment.ProcessorCount
            ? $"{machine}, busy: {busy.ToString("0.0", CultureInfo.InvariantCulture)} of {Environment.ProcessorCount} cores in use by other work"
            : machine;
    }

    /// <summary>Cores kept busy by any process over <paramref name="window"/> (from /proc/stat; 0 where it is missing).</summary>
    private static double BusyCores(TimeSpan window)
    {
        static (double Busy, double Total)? Sample()
        {
            if (!File.Exists("/proc/stat"))
            {
                return null;
            }

            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + fields[4]; // idle and iowait
            var total = fields.Take(8).Sum(); // user … steal; guest time is already in user
            return (total - idle, total);
        }

        var before = Sample();
        Thread.Sleep(window);
        var after = Sample();
        return before is { } b && after is { } a && a.Total > b.Total
            ? (a.Busy - b.Busy) / (a.Total - b.Total) * Environment.ProcessorCount
            : 0;
    }
}
