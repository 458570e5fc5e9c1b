package io.usagereport.sample;

import java.util.List;

/** Person names the sample users get: Japanese (kanji with their romanisation) and English. */
final class SampleNames
{
    /** A name part: how it is written and how it is romanised for the user name. */
    record Part(String written, String romanized) {}

    static final List<Part> JAPANESE_FAMILY_NAMES = List.of(
            new Part("山田", "yamada"), new Part("佐藤", "sato"), new Part("鈴木", "suzuki"), new Part("高橋", "takahashi"),
            new Part("田中", "tanaka"), new Part("伊藤", "ito"), new Part("渡辺", "watanabe"), new Part("中村", "nakamura"),
            new Part("小林", "kobayashi"), new Part("加藤", "kato"), new Part("吉田", "yoshida"), new Part("山本", "yamamoto"),
            new Part("松本", "matsumoto"), new Part("井上", "inoue"), new Part("木村", "kimura"), new Part("清水", "shimizu"));

    static final List<Part> JAPANESE_GIVEN_NAMES = List.of(
            new Part("太郎", "taro"), new Part("花子", "hanako"), new Part("健太", "kenta"), new Part("美咲", "misaki"),
            new Part("翔太", "shota"), new Part("陽菜", "hina"), new Part("大輔", "daisuke"), new Part("由美", "yumi"),
            new Part("拓也", "takuya"), new Part("さくら", "sakura"), new Part("直樹", "naoki"), new Part("愛", "ai"),
            new Part("誠", "makoto"), new Part("恵子", "keiko"));

    static final List<String> ENGLISH_GIVEN_NAMES = List.of(
            "Adele", "Alex", "Diego", "Grady", "Isaiah", "Johanna", "Joni", "Lee", "Lidia", "Lynne", "Megan", "Miriam",
            "Nestor", "Patti", "Pradeep", "Henrietta", "Christie", "Allan", "Debra", "Irvin");

    static final List<String> ENGLISH_FAMILY_NAMES = List.of(
            "Vance", "Wilber", "Siciliani", "Archie", "Lanier", "Lauer", "Sherman", "Gu", "Holloway", "Fernandez", "Bowen",
            "Graham", "Wilke", "Fertuck", "Gupta", "Mueller", "Cline", "Deyoung", "Berry", "Sink");

    private SampleNames() {}
}
