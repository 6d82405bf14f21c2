using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cluster.Security;

/// <summary>
/// Mutual TLS for one node: its own certificate (with private key) and the cluster CA, the only
/// issuer whose certificates it accepts from peers.
/// </summary>
public sealed record NodeTls(X509Certificate2 Certificate, X509Certificate2 Authority)
{
    /// <summary>The environment variable with the password of the node's .pfx (unset: none).</summary>
    public const string PasswordVariable = "SEARCH_TLS_PASSWORD";

    /// <summary>Reads and checks the node's .pfx and the CA's PEM certificate; every problem is a <see cref="CertificateException"/> naming the file.</summary>
    public static NodeTls Load(string certificatePath, string authorityPath, string? password)
    {
        var authority = LoadAuthority(authorityPath);
        if (!File.Exists(certificatePath)) throw new CertificateException($"TLS certificate {certificatePath}: file not found");
        X509Certificate2 certificate;
        try { certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password); }
        catch (CryptographicException e)
        {
            throw new CertificateException($"TLS certificate {certificatePath}: cannot be read as PKCS#12 (wrong password in ${PasswordVariable}, or not a .pfx file): {e.Message}", e);
        }
        if (!certificate.HasPrivateKey) throw new CertificateException($"TLS certificate {certificatePath}: holds no private key");
        if (!PeerValidation.ChainsTo(certificate, authority))
            throw new CertificateException($"TLS certificate {certificatePath} ({certificate.Subject}) is not signed by the CA in {authorityPath}, or has expired: peers would refuse it");
        return new NodeTls(certificate, authority);
    }

    private static X509Certificate2 LoadAuthority(string path)
    {
        if (!File.Exists(path)) throw new CertificateException($"TLS CA certificate {path}: file not found");
        try
        {
            var authority = X509Certificate2.CreateFromPem(File.ReadAllText(path));
            if (authority.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
                throw new CertificateException($"TLS CA certificate {path} ({authority.Subject}) is not a CA certificate");
            return authority;
        }
        catch (CryptographicException e)
        {
            throw new CertificateException($"TLS CA certificate {path}: not a PEM certificate: {e.Message}", e);
        }
    }
}
