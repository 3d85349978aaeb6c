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
    private static RunProfile? _profile;

    /// <summary>Sets everything up once per kernel; later calls return the same profile. Run it before any torch call.</summary>
    /// <returns>The profile named by <c>PRELUKIT_PROFILE</c> (default standard).</returns>
    public static RunProfile Initialize()
    {
        lock (Gate)
        {
            if (_profile is not null)
            {
                return _profile;
            }

            TorchNative.EnsureLoaded();
            RedirectFSharpCore();
            NotebookFormatters.Register();
            return _profile = RunProfile.FromEnvironment();
        }
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

    /// <summary>A one-line description of the environment, shown by the setup cell.</summary>
    public static string Describe(RunProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return $"PReluKit {typeof(KitSetup).Assembly.GetName().Version} · TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} · " +
               $"native loader: {TorchNative.Outcome?.Reason} · profile {profile.Name} ({profile.Data}, {profile.Seeds} seeds, " +
               $"{profile.MlpEpochs} MLP epochs) · {Environment.ProcessorCount} cores";
    }

    internal static Assembly Kit => typeof(TorchNative).Assembly;
}
