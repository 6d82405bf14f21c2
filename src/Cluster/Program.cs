using System.CommandLine;
using Cluster.Cli;

// System.CommandLine 2.0.0 leaves ProcessTerminationTimeout null (dotnet/command-line-api#2739), so
// Ctrl+C and SIGTERM never reach the actions' cancellation token; set it so runs and nodes stop
// cleanly (a run writes its status and can be resumed). After the timeout the process exits anyway.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return CommandLine.Run(args, invocation);
