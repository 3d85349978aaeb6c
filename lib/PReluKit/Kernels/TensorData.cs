using System.Runtime.InteropServices;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// The address of a tensor's first element, for kernels that work on tensor memory directly.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 has no public data pointer, so this binds the native entry <c>THSTensor_data</c> of TorchSharp's own
/// library (it returns <c>at::Tensor::data_ptr()</c>, storage offset included) once, as a function pointer: the library is
/// resolved the way TorchSharp's own P/Invokes resolve it (from TorchSharp's assembly, after the kit's loader has run), so
/// it is the same loaded instance — and no reflection is involved, so this holds in trimmed and AOT-compiled apps. If a
/// TorchSharp upgrade renames the entry, <see cref="IsAvailable"/> turns false and callers fall back to TorchSharp operations.
/// </remarks>
internal static unsafe class TensorData
{
    private static readonly delegate* unmanaged<IntPtr, IntPtr> DataPointer = Bind();

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

    private static delegate* unmanaged<IntPtr, IntPtr> Bind()
    {
        TorchNative.EnsureLoaded();
        return NativeLibrary.TryLoad("LibTorchSharp", typeof(Tensor).Assembly, null, out var library)
               && NativeLibrary.TryGetExport(library, "THSTensor_data", out var entry)
            ? (delegate* unmanaged<IntPtr, IntPtr>)entry
            : null;
    }
}
