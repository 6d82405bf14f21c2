using Cluster.Cli;

return CommandLine.Build().Parse(args.Length == 0 ? CommandLine.DefaultArgs : args).Invoke();
