using System.Reflection;
using static TorchSharp.torch;

namespace PReluKit.Native;

/// <summary>
/// The address of a tensor's first element, for kernels that work on tensor memory directly.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 has no public data pointer, so this binds its own P/Invoke entry <c>THSTensor_data</c> (which returns
/// <c>at::Tensor::data_ptr()</c>, storage offset included) once by reflection. Binding TorchSharp's method rather than
/// loading <c>libLibTorchSharp.so</c> ourselves guarantees the same native library instance. If a TorchSharp upgrade
/// renames it, <see cref="IsAvailable"/> turns false and callers fall back to TorchSharp operations.
/// </remarks>
internal static class TensorData
{
    private static readonly Func<IntPtr, IntPtr>? DataPointer = Bind();

    /// <summary>True when the data pointer entry point was found.</summary>
    public static bool IsAvailable => DataPointer is not null;

    /// <summary>The address of <paramref name="tensor"/>'s first element; the caller keeps the tensor alive while using it.</summary>
    /// <exception cref="InvalidOperationException">The entry point is not available.</exception>
    public static IntPtr Address(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (DataPointer is null)
        {
            throw new InvalidOperationException("TensorData: TorchSharp's THSTensor_data entry point was not found; check IsAvailable first.");
        }

        var address = DataPointer(tensor.Handle);
        GC.KeepAlive(tensor);
        return address;
    }

    private static Func<IntPtr, IntPtr>? Bind()
    {
        var method = typeof(Tensor).Assembly.GetType("TorchSharp.PInvoke.NativeMethods")
            ?.GetMethod("THSTensor_data", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, [typeof(IntPtr)]);
        return method is not null && method.ReturnType == typeof(IntPtr) ? method.CreateDelegate<Func<IntPtr, IntPtr>>() : null;
    }
}
