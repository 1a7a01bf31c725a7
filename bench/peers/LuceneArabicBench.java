// Peer benchmark: Lucene's ArabicAnalyzer (and its normalise + tokenise half) over the same texts as marsad.

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Usage: java -Xmx2g -cp build:lucene-core.jar:lucene-analyzers-common.jar LuceneArabicBench
 *        (analyzer|normalize) CORPUS WARMUP REPEAT
 *
 * CORPUS holds the article texts separated by NUL characters (so texts keep their own newlines).
 * "analyzer" is ArabicAnalyzer as shipped (StandardTokenizer, lower case, decimal digits, stop words,
 * ArabicNormalizationFilter, ArabicStemFilter); "normalize" is the same chain without stop words and
 * stemming, the counterpart of marsad's normalise + tokenise. Prints one JSON line on stdout:
 * tokens per pass, the wall and process CPU seconds of each timed pass (CPU time counts every JVM
 * thread, GC and JIT included), RSS after loading and peak RSS (VmHWM) in kB.
 */
public final class LuceneArabicBench {
  private LuceneArabicBench() {}

  /** StandardTokenizer + LowerCaseFilter + DecimalDigitFilter + ArabicNormalizationFilter. */
  static final class NormalizeAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new LowerCaseFilter(source);
      result = new DecimalDigitFilter(result);
      result = new ArabicNormalizationFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }

  /** Runs one pass; returns {tokens, sum of term lengths} (the sum keeps the JIT from skipping work). */
  static long[] pass(Analyzer analyzer, List<String> texts) throws IOException {
    long tokens = 0;
    long chars = 0;
    for (String text : texts) {
      try (TokenStream ts = analyzer.tokenStream("body", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          tokens++;
          chars += term.length();
        }
        ts.end();
      }
    }
    return new long[] {tokens, chars};
  }

  /** CPU time of the whole JVM process in ns (all threads), or -1 where the JVM does not expose it. */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : -1;
  }

  static long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: LuceneArabicBench (analyzer|normalize) CORPUS WARMUP REPEAT");
      System.exit(2);
    }
    String mode = args[0];
    String all = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    int warmup = Integer.parseInt(args[2]);
    int repeat = Integer.parseInt(args[3]);
    List<String> texts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= all.length(); i++) {
      if (i == all.length() || all.charAt(i) == '\u0000') {
        if (i > from) texts.add(all.substring(from, i));
        from = i + 1;
      }
    }
    all = null;
    long rssAfterLoad = statusKb("VmRSS");
    Analyzer analyzer;
    if (mode.equals("analyzer")) {
      analyzer = new ArabicAnalyzer();
    } else if (mode.equals("normalize")) {
      analyzer = new NormalizeAnalyzer();
    } else {
      throw new IllegalArgumentException("mode must be analyzer or normalize, got " + mode);
    }
    long[] counts = {0, 0};
    for (int i = 0; i < warmup; i++) counts = pass(analyzer, texts);
    StringBuilder seconds = new StringBuilder();
    StringBuilder cpuSeconds = new StringBuilder();
    for (int i = 0; i < repeat; i++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      counts = pass(analyzer, texts);
      long t1 = System.nanoTime();
      long c1 = processCpuNanos();
      if (i > 0) {
        seconds.append(',');
        cpuSeconds.append(',');
      }
      seconds.append((t1 - t0) / 1e9);
      cpuSeconds.append(c0 < 0 ? "null" : String.valueOf((c1 - c0) / 1e9));
    }
    System.out.println(
        "{\"texts\":" + texts.size()
            + ",\"tokens\":" + counts[0]
            + ",\"checksum\":" + counts[1]
            + ",\"seconds\":[" + seconds + "]"
            + ",\"cpuSeconds\":[" + cpuSeconds + "]"
            + ",\"rssAfterLoadKb\":" + rssAfterLoad
            + ",\"peakRssKb\":" + statusKb("VmHWM")
            + ",\"runtime\":\"Lucene " + org.apache.lucene.util.Version.LATEST + ", Java " + System.getProperty("java.version") + "\"}");
  }
}
