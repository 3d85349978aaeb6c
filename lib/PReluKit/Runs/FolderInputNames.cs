namespace PReluKit.Runs;

/// <summary>
/// What a front end calls the inputs of a results-folder job, so a <see cref="ResultsFolderException"/> names them the way
/// its user gave them: the CLI passes its options (<c>--out</c>, <c>--resume</c>, <c>--merge</c>), scripts and notebooks
/// keep <see cref="Plain"/>.
/// </summary>
/// <param name="Folder">The results folder.</param>
/// <param name="Resume">The choice to continue the comparison in the folder.</param>
/// <param name="Shards">The shard folders to merge.</param>
public sealed record FolderInputNames(string Folder, string Resume, string Shards)
{
    /// <summary>Names in words, for the library's own callers.</summary>
    public static FolderInputNames Plain { get; } = new("results folder", "resume: true", "shard folders");

    /// <summary>The name of <paramref name="input"/>.</summary>
    public string Of(FolderInput input) => input switch
    {
        FolderInput.Folder => Folder,
        FolderInput.Resume => Resume,
        FolderInput.Shards => Shards,
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "not an input of a results-folder job."),
    };
}
