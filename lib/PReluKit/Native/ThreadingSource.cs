namespace PReluKit.Native;

/// <summary>Where a threading setting of <see cref="ThreadingDefaults"/> came from.</summary>
public enum ThreadingSource
{
    /// <summary>The kit's cooperative default.</summary>
    Kit,

    /// <summary>The OpenMP runtime's own default, which already fits (one thread per CPU of the affinity mask).</summary>
    Runtime,

    /// <summary>The user's environment, which wins.</summary>
    User,

    /// <summary>The OpenMP runtime was loaded before the kit could set anything: its own defaults hold.</summary>
    TooLate,
}
