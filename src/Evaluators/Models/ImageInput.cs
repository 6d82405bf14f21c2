namespace Evaluators.Models;

/// <summary>Checks shared by the image templates.</summary>
internal static class ImageInput
{
    /// <summary>The channel count of a (C,H,W) sample; other shapes are refused with the template's name.</summary>
    public static int Channels(string template, int[] sampleShape) =>
        sampleShape.Length == 3 && sampleShape.All(s => s > 0)
            ? sampleShape[0]
            : throw new ArgumentException($"{template} needs image samples (C,H,W); got shape [{string.Join(",", sampleShape)}]");
}
