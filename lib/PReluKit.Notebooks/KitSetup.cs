using System.Reflection;
using System.Runtime.Loader;
using PReluKit.Native;

namespace PReluKit.Notebooks;

/// <summary>
/// The one call a notebook's setup cell makes: applies the native loader, lets Plotly.NET 6 run inside the kernel,
/// registers the kit's formatters and reads the run profile.
/// </summary>
public static class KitSetup
{
    private static readonly Lock Gate = new();
    private static bool _initialized;

    /// <summary>
    /// Sets the kernel up (once) and returns the profile named by <c>PRELUKIT_PROFILE</c> (default standard), read anew
    /// each call. Run it before any torch call.
    /// </summary>
    public static RunProfile Initialize()
    {
        lock (Gate)
        {
            if (!_initialized)
            {
                TorchNative.EnsureLoaded();
                RedirectFSharpCore();
                _initialized = true;
            }

            NotebookFormatters.Register(); // again: a kernel restart or another notebook may have replaced them
            return RunProfile.FromEnvironment();
        }
    }

    /// <summary>Switches every later experiment of this notebook to another profile (quick, standard or full), as PRELUKIT_PROFILE would.</summary>
    public static RunProfile UseProfile(string name)
    {
        var profile = RunProfile.Named(name);
        Environment.SetEnvironmentVariable(RunProfile.EnvironmentVariable, profile.Name);
        return profile;
    }

    /// <summary>
    /// The kernel has FSharp.Core 10.0 loaded while Plotly.NET 6 asks for 10.1; hand it the loaded one. Everything the kit
    /// charts with was checked to exist in 10.0 (the notebook tests draw every chart).
    /// </summary>
    private static void RedirectFSharpCore()
    {
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            name.Name == "FSharp.Core"
                ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
                : null;
    }

    /// <summary>The FSharp.Core in use (for the setup cell's printout).</summary>
    public static string FSharpCoreVersion =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")?.GetName().Version?.ToString() ?? "not loaded";

    /// <summary>
    /// One short line for the setup cell: the kit's version, the profile's sizes and the time it takes (the total and each
    /// notebook's, from the same committed file), and the threading in force (libtorch's OpenMP workers sleep when idle,
    /// and never outnumber the CPUs).
    /// </summary>
    public static string Describe(RunProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // The notebooks run in notebooks/, beside the committed times; elsewhere (a script, a test) there is none to quote.
        var times = File.Exists(MeasuredTimes.FileName) ? TimesSentence(MeasuredTimes.Load(MeasuredTimes.FileName), profile.Name)
            : "render time not known here";
        return $"PReluKit {typeof(KitSetup).Assembly.GetName().Version?.ToString(3)} · profile {profile.Name}: {profile.Sizes}; " +
               $"{times} · {TorchNative.Threading}";
    }

    /// <summary>
    /// "all 6 notebooks in about 2 min 19 s under standard (measured on …, commit …): 01 16 s, 02 11 s, …": the total and
    /// each notebook's time from the same measurements, so a page's own time and the sum can never disagree.
    /// </summary>
    public static string TimesSentence(MeasuredTimes times, string profile)
    {
        ArgumentNullException.ThrowIfNull(times);
        var each = times.Notebooks.SelectMany(n => times.Of(n).Where(m => m.Profile == profile)
            .Select(m => $"{n.Split('-')[0]} {MeasuredTimes.Duration(m.Measurement.Seconds)}")).ToList();
        return each.Count == 0 ? times.ProfileSentence(profile) : $"{times.ProfileSentence(profile)}: {string.Join(", ", each)}";
    }

    internal static Assembly Kit => typeof(TorchNative).Assembly;
}
