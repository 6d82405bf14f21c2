using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Cluster.Security;

/// <summary>The files `search certs init` wrote: the CA certificate and key, and one PKCS#12 file per node.</summary>
public sealed record CertificateSet(string CaCertificate, string CaKey, IReadOnlyList<string> NodeFiles);

/// <summary>
/// `search certs init`: a new cluster CA (ca.crt, PEM; ca.key, PEM PKCS#8, owner-only) and a
/// certificate per node (NAME.pfx, PKCS#12 with its key, owner-only, optionally password-protected).
/// </summary>
public static partial class ClusterCertificates
{
    public const string CaCertificateFile = "ca.crt";
    public const string CaKeyFile = "ca.key";

    public static CertificateSet Init(string directory, IReadOnlyList<string> names, TimeSpan validity, string? password, bool force)
    {
        CheckNames(names);
        if (validity <= TimeSpan.Zero) throw new CertificateException("the certificates' validity must be at least one day");
        Directory.CreateDirectory(directory);
        string caCrt = Path.Combine(directory, CaCertificateFile), caKey = Path.Combine(directory, CaKeyFile);
        // A new CA locks out every node certified by the old one: never replace it by accident.
        foreach (string existing in new[] { caCrt, caKey }.Where(File.Exists))
            if (!force) throw new CertificateException($"{existing} already exists: a new CA would lock out every node certified by the old one (use --force to replace it)");

        // A random suffix tells two clusters' CAs apart in logs; trust is decided by key, not by name.
        using var ca = CertificateAuthority.Create($"search cluster CA {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", validity);
        using (var key = ca.GetECDsaPrivateKey()!) WritePrivate(caKey, Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        File.WriteAllText(caCrt, ca.ExportCertificatePem() + "\n");

        var nodes = new List<string>();
        foreach (string name in names)
        {
            using var node = NodeCertificate.Issue(ca, name, [], validity);
            string file = Path.Combine(directory, name + ".pfx");
            WritePrivate(file, node.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
            nodes.Add(file);
        }
        return new CertificateSet(caCrt, caKey, nodes);
    }

    /// <summary>Names become file names and DNS names: letters, digits, dots, dashes, underscores; distinct; not "ca".</summary>
    private static void CheckNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0) throw new CertificateException("no node names: give --nodes N or --names a,b,c");
        foreach (string name in names)
            if (!NamePattern().IsMatch(name) || name.Equals("ca", StringComparison.OrdinalIgnoreCase))
                throw new CertificateException($"node name '{name}': use letters, digits, '.', '-' or '_' (and not 'ca')");
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new CertificateException($"node name '{repeated.Key}' is given twice");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    /// <summary>Writes a file only its owner can read (mode 600) where the OS has such modes.</summary>
    private static void WritePrivate(string path, byte[] content)
    {
        // The mode applies only to a file being created, so an old file is removed first.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
