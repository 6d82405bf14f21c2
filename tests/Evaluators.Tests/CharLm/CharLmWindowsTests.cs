using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Text;
using Evaluators.Runtime;
using Evaluators.Tests.Data;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tests.CharLm;

public class CharLmWindowsTests
{
    public CharLmWindowsTests() => TorchRuntime.EnsureReady(threads: 1);

    /// <summary>Character i is 'a' + i % 26, so its token id is i % 26 and every id names its position.</summary>
    private static FortunesCorpus Alphabet(int length) =>
        new(new string([.. Enumerable.Range(0, length).Select(i => (char)('a' + i % 26))]));

    private static void AssertWindows(TensorData d, int segmentStart, int context, int count)
    {
        Assert.Equal(count, d.Count);
        Assert.Equal([context], d.SampleShape);
        Assert.Equal(context, d.LabelsPerSample);
        Assert.True(d.IsClassification);
        Assert.Equal(count * context, d.X.Length);
        Assert.Equal(count * context, d.Labels!.Length);
        for (int k = 0; k < count; k++)
            for (int t = 0; t < context; t++)
            {
                int at = segmentStart + k * context + t;
                Assert.Equal(at % 26, d.X[k * context + t]);
                Assert.Equal((at + 1) % 26, d.Labels[k * context + t]);
            }
    }

    [Fact]
    public void CharLm_split_is_90_5_5_with_exact_next_character_labels_and_no_window_crossing_a_boundary()
    {
        // 100 characters, T = 3: train [0,90) holds 29 windows (the 30th would need label 90),
        // validation [90,95) and test [95,100) one each.
        var splits = CharWindows.Split(Alphabet(100), context: 3);
        Assert.Equal(26, splits.NumClasses);
        Assert.Equal(CharWindows.DatasetName, splits.Name);
        AssertWindows(splits.Train, 0, 3, 29);
        AssertWindows(splits.Validation!, 90, 3, 1);
        AssertWindows(splits.Test, 95, 3, 1);
        Assert.Equal(87 % 26, (int)splits.Train.Labels![^1]); // the last training window reads 84..86 and predicts 85..87
    }

    [Fact]
    public void CharLm_window_counts_and_limits()
    {
        Assert.Equal(0, CharWindows.Count(64, 64));
        Assert.Equal(1, CharWindows.Count(65, 64));
        Assert.Equal(1, CharWindows.Count(128, 64));
        Assert.Equal(2, CharWindows.Count(129, 64));

        var limited = CharWindows.Split(Alphabet(1000), context: 4, trainLimit: 5, testLimit: 2);
        AssertWindows(limited.Train, 0, 4, 5);
        AssertWindows(limited.Validation!, 900, 4, 2);
        AssertWindows(limited.Test, 950, 4, 2);

        Assert.Throws<DatasetException>(() => CharWindows.Split(Alphabet(100), context: 5)); // validation too short
    }

    [Fact]
    public void CharLm_slice_keeps_every_label_of_each_sample()
    {
        var train = CharWindows.Split(Alphabet(100), context: 3).Train;
        var slice = train.Slice(2, 3);
        Assert.Equal(3, slice.LabelsPerSample);
        AssertWindows(slice, 6, 3, 3);
        Assert.Equal(1, new TensorData([1f, 2f], [1], 2, [0, 1], null, 0).Slice(1, 1).LabelsPerSample);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorData([1f], [1], 1, [0], null, 0) { LabelsPerSample = 0 });
    }

    [Fact]
    public void CharLm_prepared_data_gives_targets_of_shape_N_by_T_and_ordinary_labels_stay_one_dimensional()
    {
        using var sequences = new PreparedData(CharWindows.Split(Alphabet(1000), context: 4), 0.5, torch.CPU);
        Assert.Equal([224L, 4], sequences.TrainY.shape); // validation given by the split: the fraction is not used
        Assert.Equal([224L, 4], sequences.TrainX.shape);
        Assert.Equal([12L, 4], sequences.ValY!.shape);
        Assert.Equal([12L, 4], sequences.TestY.shape);
        Assert.Equal(torch.ScalarType.Int64, sequences.TrainY.dtype);
        Assert.Equal(26, sequences.Outputs);
        Assert.Equal(1L, sequences.TrainY[0, 0].item<long>());
        Assert.Equal(901 % 26, sequences.ValY[0, 0].item<long>());

        using var plain = new PreparedData(new DatasetSplits("p", new TensorData([1f, 2f, 3f, 4f], [1], 4, [0, 1, 0, 1], null, 0),
            new TensorData([1f], [1], 1, [1], null, 0), 2), 0.5, torch.CPU);
        Assert.Equal([2L], plain.TrainY.shape);
    }

    [Fact]
    public void CharLm_catalog_resolves_fortunes_chars_from_the_source_with_context_64()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("system"));
        File.WriteAllText(dir.File("system/cookies"),
            string.Concat(Enumerable.Range(0, 300).Select(i => $"Cookie {i}: be nice.\n%\n")));
        var catalog = new DatasetCatalog(new FashionMnistSource([], dir.File("cache"), []),
            new FortunesSource([dir.File("system")], dir.File("cache"), [], minimumBytes: 100));

        Assert.Contains("fortunes-chars", DatasetCatalog.Names);
        var splits = catalog.Load("fortunes-chars", new DatasetLoadOptions { Standardize = true, TrainLimit = 7 });
        Assert.Equal("fortunes-chars", splits.Name);
        Assert.Equal([64], splits.Train.SampleShape);
        Assert.Equal(7, splits.Train.Count);
        Assert.Equal(64, splits.Train.LabelsPerSample);
        Assert.NotNull(splits.Validation);
        var corpus = FortunesCorpus.Read(dir.File("system"));
        Assert.Equal(corpus.Vocabulary.Count, splits.NumClasses);
        Assert.Equal(corpus.Id('C'), splits.Train.X[0]); // ids stay ids: no standardisation of tokens
        Assert.Equal(corpus.Id('o'), splits.Train.Labels![0]);
    }
}
