namespace Evaluators.Data.Idx;

/// <summary>
/// Loads an MNIST-layout directory (MNIST, Fashion-MNIST, KMNIST): train-images-idx3-ubyte,
/// train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each raw or gzipped.
/// Pixels become floats in [0, 1] (no standardisation here; see <see cref="Standardizer"/>);
/// samples are shaped [1, rows, cols].
/// </summary>
public static class IdxDataset
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";
    public static readonly IReadOnlyList<string> FileNames = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>
    /// Loads and checks the four files. <paramref name="imageSize"/>, when given, is the size every
    /// image must have (28x28 for the MNIST family); train and test must agree in any case.
    /// </summary>
    /// <exception cref="DatasetException">A missing directory or file, a malformed IDX file, or files that disagree.</exception>
    public static DatasetSplits Load(string name, string directory, int numClasses = 10,
        (int Rows, int Cols)? imageSize = null, int? trainLimit = null, int? testLimit = null)
    {
        if (!Directory.Exists(directory))
            throw new DatasetException($"{name}: data directory {directory} does not exist", directory);
        var trainImages = IdxArray.ReadImages(Find(directory, TrainImages));
        var trainLabels = IdxArray.ReadLabels(Find(directory, TrainLabels));
        var testImages = IdxArray.ReadImages(Find(directory, TestImages));
        var testLabels = IdxArray.ReadLabels(Find(directory, TestLabels));

        CheckPair(trainImages, trainLabels, numClasses);
        CheckPair(testImages, testLabels, numClasses);
        if (imageSize is var (rows, cols) && (trainImages.Dims[1] != rows || trainImages.Dims[2] != cols))
            throw new DatasetException($"{trainImages.Path}: images are {Size(trainImages)}, expected {rows}x{cols} for {name}", trainImages.Path);
        if (testImages.Dims[1] != trainImages.Dims[1] || testImages.Dims[2] != trainImages.Dims[2])
            throw new DatasetException($"{testImages.Path}: images are {Size(testImages)} but the training images " +
                                       $"({trainImages.Path}) are {Size(trainImages)}", testImages.Path);

        return new DatasetSplits(name, ToData(trainImages, trainLabels, trainLimit),
            ToData(testImages, testLabels, testLimit), numClasses);
    }

    /// <summary>True when <paramref name="directory"/> holds all four files (raw or .gz).</summary>
    public static bool HasAllFiles(string directory) =>
        Directory.Exists(directory) && FileNames.All(n => TryFind(directory, n) is not null);

    /// <summary>True when <paramref name="directory"/> holds the file <paramref name="baseName"/> under any accepted name.</summary>
    public static bool HasFile(string directory, string baseName) => TryFind(directory, baseName) is not null;

    /// <summary>The names tried for one logical file, in order (some mirrors use '.' before idx).</summary>
    public static IReadOnlyList<string> Candidates(string baseName)
    {
        string dotted = baseName.Replace("-idx", ".idx", StringComparison.Ordinal);
        return [baseName, baseName + ".gz", dotted, dotted + ".gz"];
    }

    private static string Find(string directory, string baseName) =>
        TryFind(directory, baseName) ?? throw new DatasetException(
            $"{directory}: missing file {baseName}; looked for {string.Join(", ", Candidates(baseName))}", directory);

    private static string? TryFind(string directory, string baseName) =>
        Candidates(baseName).Select(n => System.IO.Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static void CheckPair(IdxArray images, IdxArray labels, int numClasses)
    {
        if (images.Count != labels.Count)
            throw new DatasetException($"{images.Path} holds {images.Count} images but {labels.Path} holds " +
                                       $"{labels.Count} labels; the counts must match", labels.Path);
        int bad = labels.FirstAtLeast(numClasses);
        if (bad >= 0)
            throw new DatasetException($"{labels.Path}: label {labels.ByteAt(bad)} at index {bad} is out of range " +
                                       $"0..{numClasses - 1}", labels.Path);
    }

    private static TensorData ToData(IdxArray images, IdxArray labels, int? limit)
    {
        int n = limit is int l ? Math.Clamp(l, 0, images.Count) : images.Count;
        return new TensorData(images.ToUnitFloats(n), [1, images.Dims[1], images.Dims[2]], n, labels.ToLabels(n), null, 0);
    }

    private static string Size(IdxArray images) => $"{images.Dims[1]}x{images.Dims[2]}";
}
