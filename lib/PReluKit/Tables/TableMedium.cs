namespace PReluKit.Tables;

/// <summary>Where a table is shown.</summary>
public enum TableMedium
{
    /// <summary>In every medium.</summary>
    Everywhere,

    /// <summary>A terminal, about 80–120 columns wide.</summary>
    Terminal,

    /// <summary>An HTML page or notebook output.</summary>
    Page,
}
