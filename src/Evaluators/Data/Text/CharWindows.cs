namespace Evaluators.Data.Text;

/// <summary>
/// Next-character prediction samples from a text: non-overlapping windows of <c>context</c>
/// characters; window k of a segment [a, b) takes the token ids of text[a + kT, a + kT + T) as
/// input (stored as floats in X, exact below 2^24) and those of text[a + kT + 1, a + kT + T + 1)
/// as its T labels, so a window never reads past its segment. The task "fortunes-chars" splits
/// the text into the first 90% for training and the last 10% halved into validation and test.
/// </summary>
public static class CharWindows
{
    public const string DatasetName = "fortunes-chars";
    public const int DefaultContext = 64;

    /// <summary>How many windows fit in a segment of <paramref name="length"/> characters.</summary>
    public static int Count(int length, int context) => length <= context ? 0 : (length - 1) / context;

    /// <summary>The windows of text[start, end), at most <paramref name="limit"/> of them (the first ones).</summary>
    public static TensorData Make(FortunesCorpus corpus, int start, int end, int context, int? limit = null)
    {
        if (context <= 0) throw new ArgumentOutOfRangeException(nameof(context), context, "must be positive");
        if (start < 0 || end < start || end > corpus.Text.Length)
            throw new ArgumentOutOfRangeException(nameof(end), $"segment [{start},{end}) outside 0..{corpus.Text.Length}");
        int count = Math.Min(Count(end - start, context), limit ?? int.MaxValue);
        var x = new float[(long)count * context];
        var labels = new long[(long)count * context];
        string text = corpus.Text;
        for (int k = 0; k < count; k++)
            for (int t = 0; t < context; t++)
            {
                int at = start + k * context + t;
                x[k * context + t] = corpus.Id(text[at]);
                labels[k * context + t] = corpus.Id(text[at + 1]);
            }
        return new TensorData(x, [context], count, labels, null, 0) { LabelsPerSample = context };
    }

    /// <summary>
    /// Train (first 90% of the text), validation and test (the two halves of the last 10%);
    /// <paramref name="trainLimit"/> caps the training windows, <paramref name="testLimit"/> the
    /// validation and the test windows each. NumClasses is the vocabulary size.
    /// </summary>
    public static DatasetSplits Split(FortunesCorpus corpus, int context = DefaultContext, int? trainLimit = null, int? testLimit = null,
        string name = DatasetName)
    {
        int n = corpus.Text.Length;
        int trainEnd = (int)((long)n * 9 / 10);
        int validationEnd = trainEnd + (n - trainEnd) / 2;
        var train = Make(corpus, 0, trainEnd, context, trainLimit);
        var validation = Make(corpus, trainEnd, validationEnd, context, testLimit);
        var test = Make(corpus, validationEnd, n, context, testLimit);
        if (train.Count == 0 || validation.Count == 0 || test.Count == 0)
            throw new DatasetException($"{name}: a text of {n} characters is too short for windows of {context} in every split");
        return new DatasetSplits(name, train, test, corpus.Vocabulary.Count) { Validation = validation };
    }
}
