using BenchmarkDotNet.Running;
using NewsMonitor.Benchmarks;

// Corpus runners print figures; "bdn" hands the rest of the arguments to BenchmarkDotNet.
return args switch
{
    ["extraction", var corpus, .. var rest] => ExtractionCorpusRunner.Run(corpus, rest),
    ["explain", var corpus, var id] => ExplainCommand.Run(corpus, id),
    ["diagnose", var corpus, .. var rest] => DiagnoseCommand.Run(corpus, rest.FirstOrDefault()),
    ["profile", var corpus] => ProfileCommand.Run(corpus),
    ["cycle", .. var rest] => await CycleBenchmark.RunAsync(rest),
    ["query", .. var rest] => await QueryBenchmark.RunAsync(rest),
    ["bdn", .. var rest] => RunBenchmarkDotNet(rest),
    _ => Usage(),
};

static int RunBenchmarkDotNet(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ExtractionCorpusRunner).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          NewsMonitor.Benchmarks extraction <corpus-folder> [--out PRED.json] [--misses MISSES.tsv] [--no-smartreader] [--limit N]
              <corpus-folder> holds evaldata.json and html/*.html.gz (../shared/devsets/extraction)
          NewsMonitor.Benchmarks explain <corpus-folder> <page-id>
          NewsMonitor.Benchmarks diagnose <corpus-folder> [stage-to-show]
          NewsMonitor.Benchmarks profile <corpus-folder>
          NewsMonitor.Benchmarks cycle [--articles 2000] [--store folder|azurite] [--same-story] [--parallel N]
              a monitoring cycle over a loopback site: stories published by 3 outlets each, or with
              --same-story every article the same (Azurite from node_modules: npm ci first)
          NewsMonitor.Benchmarks query [--statements 100000] [--store folder|azurite] [--runs 20] [--azurite-on-disk]
              query latency by speaker and free text over an index of N synthetic statements
              (Azurite stops answering past about 30,000 statements here: use --statements 20000 with it)
          NewsMonitor.Benchmarks bdn [BenchmarkDotNet arguments, e.g. --filter *]
        """);
    return 2;
}
