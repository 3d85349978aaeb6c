namespace PReluKit.Runs;

/// <summary>
/// A results folder, or the shards to merge into one, cannot take the job asked of it: the message starts with the
/// input's name (<see cref="FolderInputNames"/>), names the folder and says what to do. An <see cref="ArgumentException"/>,
/// so front ends treat it as bad input (the CLI's exit code 2).
/// </summary>
public sealed class ResultsFolderException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="input">The input it is about.</param>
    /// <param name="names">What the caller calls its inputs.</param>
    /// <param name="problem">What is wrong and what to do, without the input's name.</param>
    public ResultsFolderException(FolderInput input, FolderInputNames names, string problem)
        : base($"{(names ?? throw new ArgumentNullException(nameof(names))).Of(input)}: {problem}") => Input = input;

    /// <summary>The input it is about.</summary>
    public FolderInput Input { get; }
}
