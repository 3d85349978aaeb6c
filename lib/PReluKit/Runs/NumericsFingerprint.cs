using System.Security.Cryptography;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Runs;

/// <summary>
/// A fingerprint of how this machine and its libraries round: a SHA-256 over the bits of a few fixed float32 computations
/// (a matrix product, a convolution and two steps of the kit's MLP and CNN) at a given thread count. Two machines with the
/// same fingerprint give the same bits for the same run; a different one (another CPU family, another libtorch) may not.
/// </summary>
public static class NumericsFingerprint
{
    /// <summary>The fingerprint (16 hex digits) with <paramref name="threads"/> intra-op threads.</summary>
    public static string Compute(int threads)
    {
        Native.TorchNative.EnsureLoaded();
        var previous = get_num_threads();
        set_num_threads(threads);
        try
        {
            using var scope = NewDisposeScope();
            using var generator = new Generator(20151);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var a = randn([257, 129], generator: generator);
            var b = randn([129, 63], generator: generator);
            Add(hash, a.mm(b));
            var images = randn([16, 1, 28, 28], generator: generator);
            Add(hash, nn.functional.conv2d(images, randn([8, 1, 3, 3], generator: generator), padding: [1L, 1L]));
            var labels = randint(0, 10, [16], generator: generator);
            foreach (var config in new[] { TrainingConfig.For(ModelKind.Mlp), TrainingConfig.For(ModelKind.Cnn) })
            {
                var spec = config with { Activation = ActivationSpec.PReLU(), Epochs = 1, BatchSize = 8 };
                using var data = new LabeledTensors(config.Model == ModelKind.Cnn ? images.clone() : images.view(16, -1).clone(), labels.clone());
                using var model = Trainer.BuildSeeded(spec, 1, data);
                using var loss = nn.CrossEntropyLoss();
                using var batches = new BatchIterator(data, 8, shuffle: false);
                Trainer.TrainEpoch(model, Trainer.CreateOptimizer(model, spec), loss, batches, 1, []);
                foreach (var parameter in model.parameters())
                {
                    Add(hash, parameter.detach());
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        }
        finally
        {
            set_num_threads(previous);
        }
    }

    private static void Add(IncrementalHash hash, Tensor tensor)
    {
        using var contiguous = tensor.contiguous();
        hash.AppendData(contiguous.bytes);
    }
}
