using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;

namespace Cluster.Security;

/// <summary>Which TLS peers a node accepts: exactly those whose certificate chains to the cluster CA.</summary>
public static class PeerValidation
{
    /// <summary>
    /// The callback Akka.Remote runs on both ends of every handshake. The platform's verdict
    /// (<c>errors</c>) is ignored on purpose: it judges against the system's roots, which neither know
    /// the cluster CA nor should vouch for anyone here.
    /// </summary>
    public static CertificateValidationCallback SignedBy(X509Certificate2 authority) => (certificate, _, peer, _, log) =>
    {
        if (certificate is null)
        {
            log.Warning("TLS: refused {0}: it presented no certificate", peer);
            return false;
        }
        if (ChainsTo(certificate, authority)) return true;
        log.Warning("TLS: refused {0}: its certificate ({1}, issued by {2}) is not signed by the cluster CA", peer, certificate.Subject, certificate.Issuer);
        return false;
    };

    /// <summary>True when <paramref name="certificate"/> is valid now and its chain ends at <paramref name="authority"/>, the only root trusted.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A private CA publishes no revocation list, and nothing is fetched from the network.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (!chain.Build(certificate)) return false;
        var root = chain.ChainElements[^1].Certificate;
        return root.RawData.AsSpan().SequenceEqual(authority.RawData);
    }
}
