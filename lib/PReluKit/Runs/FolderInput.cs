namespace PReluKit.Runs;

/// <summary>Which input of a results-folder job a <see cref="ResultsFolderException"/> is about.</summary>
public enum FolderInput
{
    /// <summary>The results folder written into.</summary>
    Folder,

    /// <summary>The choice to continue the comparison already in the folder.</summary>
    Resume,

    /// <summary>The shard folders merged into the results folder.</summary>
    Shards,
}
