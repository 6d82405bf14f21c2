namespace Evaluators.Data.Files;

/// <summary>A file's bytes after any gunzipping; <see cref="WasGzip"/> lets messages say so.</summary>
public readonly record struct FileContent(byte[] Bytes, bool WasGzip)
{
    public string SizeNote => WasGzip ? " (after gunzip)" : "";
}
