namespace Evaluators.Data.Fetch;

/// <summary>Obtains one Debian package file (.deb) into a scratch directory.</summary>
public interface IDebDownloader
{
    string Name { get; }

    /// <summary>Returns the path of the downloaded .deb inside <paramref name="workDirectory"/>.</summary>
    string Download(string workDirectory, Action<string> progress, CancellationToken cancel);
}
