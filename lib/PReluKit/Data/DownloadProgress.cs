namespace PReluKit.Data;

/// <summary>Progress of one file download.</summary>
/// <param name="File">The file name.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The size the server announced, if any.</param>
public sealed record DownloadProgress(string File, long BytesReceived, long? TotalBytes);
