using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cluster.Security;
using Cluster.Tests.Support;

namespace Cluster.Tests.Security;

/// <summary>
/// Made once per test class through `certs init`'s public code: the cluster's CA with two node
/// certificates, a second (foreign) CA with one, and a self-signed node certificate.
/// </summary>
public sealed class TestCertificates
{
    public string ClusterDir { get; } = TestRuns.TempDir("certs-cluster");
    public string ForeignDir { get; } = TestRuns.TempDir("certs-foreign");
    public NodeTls Coordinator { get; }
    public NodeTls Worker { get; }
    public X509Certificate2 Authority => Coordinator.Authority;
    public X509Certificate2 ForeignCaSigned { get; }
    public X509Certificate2 SelfSigned { get; }

    public TestCertificates()
    {
        var cluster = ClusterCertificates.Init(ClusterDir, ["coordinator", "worker"], TimeSpan.FromDays(1), null, force: false);
        Coordinator = NodeTls.Load(cluster.NodeFiles[0], cluster.CaCertificate, null);
        Worker = NodeTls.Load(cluster.NodeFiles[1], cluster.CaCertificate, null);
        var foreign = ClusterCertificates.Init(ForeignDir, ["intruder"], TimeSpan.FromDays(1), null, force: false);
        ForeignCaSigned = X509CertificateLoader.LoadPkcs12FromFile(foreign.NodeFiles[0], null);
        SelfSigned = MakeSelfSigned("worker");
    }

    /// <summary>A certificate that looks like a node's (same extensions, same name) but signs itself.</summary>
    public static X509Certificate2 MakeSelfSigned(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        NodeCertificate.AddNodeExtensions(request, [name]);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
