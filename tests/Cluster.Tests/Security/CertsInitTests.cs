using System.Security.Cryptography.X509Certificates;
using Cluster.Security;
using Cluster.Tests.Cli;
using Cluster.Tests.Support;

namespace Cluster.Tests.Security;

public sealed class CertsInitTests
{
    [Fact]
    public void Init_writes_a_CA_and_node_certificates_that_chain_to_it_with_private_files_owner_only()
    {
        string dir = TestRuns.TempDir("certs-init");
        var set = ClusterCertificates.Init(dir, ["alpha", "10.1.2.3"], TimeSpan.FromDays(30), "s3cret", force: false);

        Assert.Equal(Path.Combine(dir, "ca.crt"), set.CaCertificate);
        Assert.Equal([Path.Combine(dir, "alpha.pfx"), Path.Combine(dir, "10.1.2.3.pfx")], set.NodeFiles);
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(set.CaCertificate));
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(set.CaKey));
        if (!OperatingSystem.IsWindows())
            foreach (string secret in set.NodeFiles.Append(set.CaKey))
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));

        foreach (string file in set.NodeFiles)
        {
            var node = X509CertificateLoader.LoadPkcs12FromFile(file, "s3cret");
            Assert.True(node.HasPrivateKey);
            Assert.True(PeerValidation.ChainsTo(node, ca));
            Assert.Equal(ca.Subject, node.Issuer);
            Assert.False(node.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
            var usages = node.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
            Assert.Equal([NodeCertificate.ServerAuth.Value, NodeCertificate.ClientAuth.Value], usages);
            var san = node.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Contains(System.Net.IPAddress.Loopback, san.EnumerateIPAddresses());
            Assert.Contains("localhost", san.EnumerateDnsNames());
        }
        var alphaNames = X509CertificateLoader.LoadPkcs12FromFile(set.NodeFiles[0], "s3cret").Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("alpha", alphaNames.EnumerateDnsNames());
        var ipNames = X509CertificateLoader.LoadPkcs12FromFile(set.NodeFiles[1], "s3cret").Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(System.Net.IPAddress.Parse("10.1.2.3"), ipNames.EnumerateIPAddresses());
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(set.NodeFiles[0], "wrong"));
    }

    [Fact]
    public void Init_refuses_to_replace_an_existing_CA_unless_forced_and_a_forced_CA_no_longer_accepts_old_nodes()
    {
        string dir = TestRuns.TempDir("certs-twice");
        var first = ClusterCertificates.Init(dir, ["n"], TimeSpan.FromDays(1), null, force: false);
        string caBefore = File.ReadAllText(first.CaCertificate);
        var oldNode = X509CertificateLoader.LoadPkcs12FromFile(first.NodeFiles[0], null);

        var refused = Assert.Throws<CertificateException>(() => ClusterCertificates.Init(dir, ["n"], TimeSpan.FromDays(1), null, force: false));
        Assert.Contains(first.CaCertificate, refused.Message);
        Assert.Equal(caBefore, File.ReadAllText(first.CaCertificate));

        var second = ClusterCertificates.Init(dir, ["n"], TimeSpan.FromDays(1), null, force: true);
        var newCa = X509Certificate2.CreateFromPem(File.ReadAllText(second.CaCertificate));
        Assert.NotEqual(caBefore, File.ReadAllText(second.CaCertificate));
        Assert.False(PeerValidation.ChainsTo(oldNode, newCa));
        Assert.True(PeerValidation.ChainsTo(X509CertificateLoader.LoadPkcs12FromFile(second.NodeFiles[0], null), newCa));
    }

    [Fact]
    public void The_certs_command_writes_the_files_and_refuses_a_second_init_with_one_error_line_and_exit_2()
    {
        string dir = TestRuns.TempDir("certs-cli");
        var (code, stdout, stderr) = ProgramRunner.Run("certs", "init", dir, "--nodes", "3", "--days", "10");
        Assert.True(code == 0, stderr);
        foreach (string f in new[] { "ca.crt", "ca.key", "node1.pfx", "node2.pfx", "node3.pfx" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Assert.Contains("node3.pfx", stdout);
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir, "ca.crt")));
        Assert.InRange((ca.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays, 9.9, 10.1);

        (code, _, stderr) = ProgramRunner.Run("certs", "init", dir);
        Assert.Equal(2, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(Path.Combine(dir, "ca.crt"), line);
        Assert.Contains("--force", line);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("ca")]
    [InlineData("a,a")]
    public void Bad_node_names_are_refused(string names)
    {
        string dir = TestRuns.TempDir("certs-names");
        Assert.Throws<CertificateException>(() => ClusterCertificates.Init(dir, names.Split(','), TimeSpan.FromDays(1), null, force: false));
        Assert.False(File.Exists(Path.Combine(dir, "ca.crt")));
    }
}
