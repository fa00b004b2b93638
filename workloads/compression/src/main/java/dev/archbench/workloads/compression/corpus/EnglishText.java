package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * English-like prose: the real most frequent English words followed by a generated vocabulary of
 * pronounceable words, drawn by the Zipf-Mandelbrot law (s = 1.07, q = 1, so "the" is ~6% of
 * words as in English), in sentences of 4–34 words with commas, capitals, questions and
 * paragraphs. Its statistics (entropy, match lengths, literal alphabet)
 * are close to real books, which is what matters to an LZ compressor; it is not meant to be read.
 */
final class EnglishText {
  private static final String[] COMMON = (
      "the of and to a in is that it was for on are as with his they at be this have from or one"
      + " had by word but not what all were we when your can said there use an each which she do"
      + " how their if will up other about out many then them these so some her would make like"
      + " him into time has look two more write go see number no way could people my than first"
      + " water been call who oil its now find long down day did get come made may part over new"
      + " sound take only little work know place year live me back give most very after thing our"
      + " just name good sentence man think say great where help through much before line right"
      + " too mean old any same tell boy follow came want show also around form three small set"
      + " put end does another well large must big even such because turn here why ask went men"
      + " read need land different home us move try kind hand picture again change off play"
      + " spell air away animal house point page letter mother answer found study still learn"
      + " should world high every near add food between own below country plant last school"
      + " father keep tree never start city earth eye light thought head under story saw left")
      .split(" ");
  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y",
    "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gr", "pl", "pr", "sc", "sh", "sl", "sp",
    "st", "str", "th", "tr", "wh", ""
  };
  private static final String[] VOWELS = {
    "a", "e", "i", "o", "u", "ea", "ai", "ou", "ee", "io", "oo", "ie", "y"
  };
  private static final String[] CODAS = {
    "", "", "", "n", "r", "s", "t", "l", "d", "m", "ng", "nt", "st", "rd", "ck", "ss", "th", "x"
  };
  private static final String[] SUFFIXES = {
    "", "", "", "", "ing", "ed", "s", "er", "ly", "tion", "ment", "ness", "able", "al", "ous"
  };

  private EnglishText() {}

  static byte[] generate(long seed, int size) {
    SplitMix64 rnd = new SplitMix64(seed);
    String[] vocabulary = vocabulary(rnd, 24_000);
    Zipf zipf = new Zipf(vocabulary.length, 1.07, 1.0);
    Ascii out = new Ascii(size + 1024);
    while (out.size() < size) {
      int sentences = rnd.between(2, 9);
      for (int s = 0; s < sentences; s++) {
        int words = 4 + (int) StrictMath.min(30, rnd.logNormal(13, 0.45));
        for (int w = 0; w < words; w++) {
          String word = vocabulary[zipf.sample(rnd)];
          if (w == 0) {
            word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
          } else {
            out.add(' ');
          }
          out.add(word);
          if (w > 1 && w < words - 2 && rnd.chance(0.07)) {
            out.add(',');
          }
        }
        out.add(rnd.chance(0.08) ? '?' : '.');
        out.add(s < sentences - 1 ? ' ' : '\n');
      }
      out.add('\n');
    }
    return CorpusSizes.exactly(out.bytes(), size);
  }

  private static String[] vocabulary(SplitMix64 rnd, int n) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : COMMON) {
      words.add(w);
    }
    while (words.size() < n) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + (int) StrictMath.min(4, rnd.exponential(0.9));
      for (int i = 0; i < syllables; i++) {
        w.append(rnd.pick(ONSETS)).append(rnd.pick(VOWELS));
      }
      w.append(rnd.pick(CODAS)).append(rnd.pick(SUFFIXES));
      words.add(w.toString());
    }
    return words.toArray(new String[0]);
  }
}
