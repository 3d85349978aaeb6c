using System.Text.Json;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Training;

namespace PReluKit.Tests.Models;

public class ModelFamilyTests
{
    [Fact]
    public void Every_model_has_one_member_with_its_own_key()
    {
        Assert.Equal(Enum.GetValues<ModelKind>(), ModelFamily.Members.Select(m => m.Kind));
        Assert.Equal(["mlp", "cnn", "plaincnn"], ModelFamily.Members.Select(m => m.Key));
        Assert.Equal(ImageLayout.Flat, ModelFamily.Of(ModelKind.Mlp).InputLayout);
        Assert.Equal(ImageLayout.Image, ModelFamily.Of(ModelKind.Cnn).InputLayout);
        Assert.Equal(ImageLayout.Image, ModelFamily.Of(ModelKind.PlainCnn).InputLayout);
    }

    [Theory]
    [InlineData(ModelKind.Mlp, OptimizerKind.Sgd, 8, 0.05)]
    [InlineData(ModelKind.Cnn, OptimizerKind.Sgd, 3, 0.02)]
    [InlineData(ModelKind.Mlp, OptimizerKind.Adam, 8, 0.001)]
    [InlineData(ModelKind.Cnn, OptimizerKind.Adam, 3, 0.001)]
    [InlineData(ModelKind.PlainCnn, OptimizerKind.Sgd, 3, 0.01)]
    public void A_config_starts_from_its_models_epochs_and_learning_rate(ModelKind model, OptimizerKind optimizer, int epochs, double rate)
    {
        var config = TrainingConfig.For(model, optimizer);

        Assert.Equal((model, optimizer, epochs, rate), (config.Model, config.Optimizer, config.Epochs, config.LearningRate));
    }

    [Fact]
    public void Outside_the_kit_a_config_comes_only_from_For_and_keeps_its_model()
    {
        // The trap this closes: a config built field by field took the MLP's learning rate for the CNN, which diverges with PReLU.
        Assert.Empty(typeof(TrainingConfig).GetConstructors());
        Assert.False(typeof(TrainingConfig).GetProperty(nameof(TrainingConfig.Model))!.SetMethod!.IsPublic);
    }

    [Fact]
    public void A_stored_config_reads_back_with_its_model_and_settings()
    {
        var config = TrainingConfig.For(ModelKind.Cnn) with { Hidden = [16], Epochs = 2 };
        var json = JsonSerializer.Serialize(config, KitJson.Default.TrainingConfig);
        var read = JsonSerializer.Deserialize(json, KitJson.Default.TrainingConfig)!;

        Assert.Equal((ModelKind.Cnn, 2, 0.02), (read.Model, read.Epochs, read.LearningRate));
        Assert.Equal(json, JsonSerializer.Serialize(read, KitJson.Default.TrainingConfig));
    }
}
