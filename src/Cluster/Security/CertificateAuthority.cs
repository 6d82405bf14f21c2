using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cluster.Security;

/// <summary>
/// A cluster's own certificate authority: a self-signed root whose only job is to sign node
/// certificates. Trusting it (and nothing else) is what lets a node tell cluster members from strangers.
/// </summary>
public static class CertificateAuthority
{
    /// <summary>A new CA certificate with its private key, valid from a few minutes ago (clock skew between machines) for <paramref name="validity"/>.</summary>
    public static X509Certificate2 Create(string name, TimeSpan validity)
    {
        // ECDSA P-256: every TLS stack speaks it, and keys are made in microseconds (RSA takes seconds).
        // The certificate keeps its own handle to the key, so ours can be disposed.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        // Path length 0: it signs node certificates directly, never another CA.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity));
    }
}
