namespace PReluKit.Data;

/// <summary>Progress of one file download: reported as bytes arrive, and about once a second while the server sends nothing.</summary>
/// <param name="File">The file name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The size the server announced, if any.</param>
/// <param name="Waiting">How long the server has sent nothing (zero while data flows).</param>
public sealed record DownloadProgress(string File, long BytesReceived, long? TotalBytes, TimeSpan Waiting = default);
