using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cluster.Security;

/// <summary>Node certificates signed by the cluster CA: one key pair per node, usable for both ends of a TLS connection.</summary>
public static class NodeCertificate
{
    public static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1", "Server Authentication");
    public static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>
    /// A certificate for node <paramref name="name"/> with its private key, signed by <paramref name="authority"/>
    /// (which must hold its private key). Subject alternative names: 127.0.0.1, localhost, the name and
    /// <paramref name="hostNames"/> (IP addresses or DNS names). It never outlives the CA.
    /// </summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string name, IEnumerable<string> hostNames, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        AddNodeExtensions(request, [name, .. hostNames]);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.Add(validity) < authority.NotAfter ? now.Add(validity) : new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f; // a positive serial number, as RFC 5280 asks
        using var signed = request.Create(authority, now.AddMinutes(-5), notAfter, serial);
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// What a node certificate says about itself: not a CA, a signature key, usable as TLS server
    /// (it accepts connections) and TLS client (it opens them), and the names it answers to.
    /// </summary>
    public static void AddNodeExtensions(CertificateRequest request, IEnumerable<string> names)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        foreach (string n in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(n, out var ip)) { if (!IPAddress.Loopback.Equals(ip)) san.AddIpAddress(ip); }
            else if (!n.Equals("localhost", StringComparison.OrdinalIgnoreCase)) san.AddDnsName(n);
        }
        request.CertificateExtensions.Add(san.Build());
    }
}
