using System.CommandLine;
using Cluster.Security;

namespace Cluster.Cli;

/// <summary>`--tls-cert node.pfx --tls-ca ca.crt` on every command that starts a node: both or neither.</summary>
internal sealed class TlsOptions
{
    private readonly Option<string?> _certificate = new("--tls-cert")
    {
        Description = $"this node's certificate (a .pfx from `search certs init`; password from ${NodeTls.PasswordVariable}); with --tls-ca, mutual TLS: only nodes certified by that CA can connect",
    };
    private readonly Option<string?> _authority = new("--tls-ca") { Description = "the cluster CA's certificate (ca.crt from `search certs init`)" };

    public static TlsOptions AddTo(Command command)
    {
        var tls = new TlsOptions();
        command.Options.Add(tls._certificate);
        command.Options.Add(tls._authority);
        command.Validators.Add(r =>
        {
            if ((r.GetResult(tls._certificate) is null) != (r.GetResult(tls._authority) is null))
                r.AddError("--tls-cert and --tls-ca go together: give both, or neither for plain TCP");
        });
        return tls;
    }

    /// <summary>The node's TLS settings, read and checked now (before anything starts); null without the options.</summary>
    public NodeTls? Load(ParseResult result) =>
        result.GetValue(_certificate) is { } certificate && result.GetValue(_authority) is { } authority
            ? NodeTls.Load(certificate, authority, Environment.GetEnvironmentVariable(NodeTls.PasswordVariable))
            : null;
}
