namespace PReluKit.Data.Idx;

/// <summary>Images as stored in an idx3 file: row-major unsigned bytes, one <c>Rows×Columns</c> block per image.</summary>
/// <param name="Pixels">Count × Rows × Columns bytes.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Image height.</param>
/// <param name="Columns">Image width.</param>
public sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Columns)
{
    /// <summary>Bytes per image.</summary>
    public int ImageSize => Rows * Columns;

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public IdxImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var pixels = new byte[indices.Count * ImageSize];
        for (var i = 0; i < indices.Count; i++)
        {
            Pixels.AsSpan(indices[i] * ImageSize, ImageSize).CopyTo(pixels.AsSpan(i * ImageSize));
        }

        return new IdxImages(pixels, indices.Count, Rows, Columns);
    }
}
