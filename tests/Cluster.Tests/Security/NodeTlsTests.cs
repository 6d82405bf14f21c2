using Cluster.Security;
using Cluster.Tests.Cli;
using Cluster.Tests.Support;

namespace Cluster.Tests.Security;

/// <summary>Loading a node's certificate: each bad file is one clear error naming it, before any node starts.</summary>
public sealed class NodeTlsTests
{
    private static readonly TestCertificates Certs = new();
    private static string Ca => Path.Combine(Certs.ClusterDir, "ca.crt");
    private static string Node => Path.Combine(Certs.ClusterDir, "worker.pfx");
    private static string ForeignNode => Path.Combine(Certs.ForeignDir, "intruder.pfx");

    [Fact]
    public void A_certificate_of_the_CA_loads()
    {
        var tls = NodeTls.Load(Node, Ca, null);
        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.Equal(Certs.Authority.Thumbprint, tls.Authority.Thumbprint);
    }

    [Fact]
    public void Missing_files_wrong_passwords_and_other_CAs_are_refused_naming_the_file()
    {
        string missing = Path.Combine(Certs.ClusterDir, "nobody.pfx");
        Assert.Contains(missing, Assert.Throws<CertificateException>(() => NodeTls.Load(missing, Ca, null)).Message);
        string missingCa = Path.Combine(Certs.ClusterDir, "nothing.crt");
        Assert.Contains(missingCa, Assert.Throws<CertificateException>(() => NodeTls.Load(Node, missingCa, null)).Message);
        var wrongPassword = Assert.Throws<CertificateException>(() => NodeTls.Load(Node, Ca, "guess"));
        Assert.Contains(Node, wrongPassword.Message);
        Assert.Contains(NodeTls.PasswordVariable, wrongPassword.Message);
        var foreign = Assert.Throws<CertificateException>(() => NodeTls.Load(ForeignNode, Ca, null));
        Assert.Contains(ForeignNode, foreign.Message);
        Assert.Contains("not signed by the CA in " + Ca, foreign.Message);
        // A node certificate is no CA: given as --tls-ca it is refused too.
        string notCa = Path.Combine(TestRuns.TempDir("not-ca"), "node.crt");
        Directory.CreateDirectory(Path.GetDirectoryName(notCa)!);
        File.WriteAllText(notCa, Certs.Worker.Certificate.ExportCertificatePem());
        Assert.Contains("not a CA", Assert.Throws<CertificateException>(() => NodeTls.Load(Node, notCa, null)).Message);
    }

    [Fact]
    public void The_node_command_ends_with_one_error_line_and_exit_2_for_a_certificate_of_another_CA_or_a_wrong_password()
    {
        string[] node = ["node", "--seed-nodes", "127.0.0.1:1", "--workers", "1"];
        var (code, _, stderr) = ProgramRunner.Run([.. node, "--tls-cert", ForeignNode, "--tls-ca", Ca]);
        Assert.Equal(2, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: TLS certificate {ForeignNode}", line);

        (code, _, stderr) = ProgramRunner.RunWith(new Dictionary<string, string?> { [NodeTls.PasswordVariable] = "guess" }, [.. node, "--tls-cert", Node, "--tls-ca", Ca]);
        Assert.Equal(2, code);
        line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: TLS certificate {Node}", line);

        (code, _, stderr) = ProgramRunner.Run([.. node, "--tls-cert", Node]);
        Assert.Equal(2, code);
        Assert.Equal("error: --tls-cert and --tls-ca go together: give both, or neither for plain TCP", stderr.Trim());
    }
}
