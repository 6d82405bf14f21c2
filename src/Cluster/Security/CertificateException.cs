namespace Cluster.Security;

/// <summary>A certificate file that is missing, unreadable or not from the cluster's CA: a user error (one `error:` line, exit 2).</summary>
public sealed class CertificateException(string message, Exception? inner = null) : Exception(message, inner);
