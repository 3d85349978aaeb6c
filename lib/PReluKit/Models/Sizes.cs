namespace PReluKit.Models;

/// <summary>Argument checks shared by the model builders.</summary>
internal static class Sizes
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first non-positive size.</summary>
    public static void RequirePositive(string builder, params (string Name, int Value)[] sizes)
    {
        foreach (var (name, value) in sizes)
        {
            if (value <= 0)
            {
                throw new ArgumentException($"{builder}: {name} must be positive, got {value}.", name);
            }
        }
    }
}
