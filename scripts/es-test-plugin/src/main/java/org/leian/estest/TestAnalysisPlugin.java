package org.leian.estest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * TEST NODE ONLY: the analysis pieces of analysis-common that the integration-test
 * distribution lacks and a test node needs: the security system index's {@code email}
 * analyzer ({@code uax_url_email}, {@code pattern_capture}, {@code unique}) and leian's own
 * {@code text.cjk} sub-field ({@code cjk_width}, {@code cjk_bigram}). Same names and settings
 * as analysis-common; real clusters have it.
 */
public final class TestAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "pattern_capture", AnalysisPlugin.requiresAnalysisSettings(
                (indexSettings, env, name, settings) -> patternCapture(name, settings)),
            "unique", (indexSettings, env, name, settings) -> unique(name, settings),
            "cjk_width", (indexSettings, env, name, settings) -> filter(name, CJKWidthFilter::new),
            "cjk_bigram", (indexSettings, env, name, settings) -> cjkBigram(name, settings));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("uax_url_email", (indexSettings, env, name, settings) -> {
            int max = settings.getAsInt("max_token_length", StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH);
            return TokenizerFactory.newFactory(name, () -> {
                UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer();
                tokenizer.setMaxTokenLength(max);
                return tokenizer;
            });
        });
    }

    /** pattern_capture: every capture group of every pattern is a token (plus the original). */
    private static TokenFilterFactory patternCapture(String name, Settings settings) {
        List<String> regexes = settings.getAsList("patterns");
        if (regexes.isEmpty()) {
            throw new IllegalArgumentException("required setting 'patterns' is missing for token filter [" + name + "]");
        }
        Pattern[] patterns = regexes.stream().map(Pattern::compile).toArray(Pattern[]::new);
        boolean preserveOriginal = settings.getAsBoolean("preserve_original", true);
        return filter(name, in -> new PatternCaptureGroupTokenFilter(in, preserveOriginal, patterns));
    }

    /** unique: drops repeated terms (only at the same position with only_on_same_position). */
    private static TokenFilterFactory unique(String name, Settings settings) {
        boolean samePosition = settings.getAsBoolean("only_on_same_position", false);
        return filter(name, in -> new UniqueTokenFilter(in, samePosition));
    }

    /** cjk_bigram: bigrams of adjacent Han/Hiragana/Katakana/Hangul characters, other tokens kept. */
    private static TokenFilterFactory cjkBigram(String name, Settings settings) {
        int flags = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : settings.getAsList("ignored_scripts")) {
            switch (script.toLowerCase(java.util.Locale.ROOT)) {
                case "han" -> flags &= ~CJKBigramFilter.HAN;
                case "hiragana" -> flags &= ~CJKBigramFilter.HIRAGANA;
                case "katakana" -> flags &= ~CJKBigramFilter.KATAKANA;
                case "hangul" -> flags &= ~CJKBigramFilter.HANGUL;
                default -> throw new IllegalArgumentException("unknown script [" + script + "] in [" + name + "]");
            }
        }
        boolean unigrams = settings.getAsBoolean("output_unigrams", false);
        int scripts = flags;
        return filter(name, in -> new CJKBigramFilter(in, scripts, unigrams));
    }

    private static TokenFilterFactory filter(String name,
            java.util.function.UnaryOperator<org.apache.lucene.analysis.TokenStream> create) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public org.apache.lucene.analysis.TokenStream create(org.apache.lucene.analysis.TokenStream in) {
                return create.apply(in);
            }
        };
    }
}
