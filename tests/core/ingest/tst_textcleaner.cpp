#include <core/ingest/textcleaner.h>

#include <QFile>
#include <QTest>

using namespace Entente::Core;

/// Cleaning of text that was extracted with its site furniture: what an analyst must never see in
/// the reader (teasers, share rows, navigation, bylines) is gone; the article stays whole.
class TestTextCleaner final : public QObject
{
    Q_OBJECT

private:
    static QString read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void cleans_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("startsWith");
        QTest::addColumn<QString>("endsWith");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("absent");
        QTest::addColumn<QString>("dateline");
        const QString dir = QStringLiteral(ENTENTE_TEST_DATA_DIR) + QStringLiteral("/cleaning/");
        QTest::newRow("trailing related list with dates")
            << dir + QStringLiteral("teaser-tail.txt") << QStringLiteral("Finland formally became")
            << QStringLiteral("at a ceremony in Brussels.") << QString()
            << QStringList{QStringLiteral("Related"), QStringLiteral("2023"), QStringLiteral("Share this")}
            << QString();
        QTest::newRow("navigation, byline, credit, advertisement, copyright")
            << dir + QStringLiteral("nav-head.txt") << QStringLiteral("DJIBOUTI, June 4")
            << QStringLiteral("during a visit by the foreign minister last month.")
            << QStringLiteral("Djibouti signs lease for new foreign naval facility")
            << QStringList{QStringLiteral("Home |"), QStringLiteral("By Anna"), QStringLiteral("Photo:"),
                           QStringLiteral("Advertisement"), QStringLiteral("Follow us"), QStringLiteral("©")}
            << QString();
        QTest::newRow("already clean text is kept whole")
            << dir + QStringLiteral("clean-plain.txt") << QStringLiteral("The Philippines and the United States")
            << QStringLiteral("storage of equipment.") << QString() << QStringList{} << QString();
        const QString seed = QStringLiteral(ENTENTE_SHARED_DIR) + QStringLiteral("/corpus/seed/seed-article.txt");
        if (QFile::exists(seed)) {
            QTest::newRow("seed article: Must Read teaser block")
                << seed << QStringLiteral("Iranian Foreign Minister Mohammad Javad Zarif")
                << QStringLiteral("with Russian President Vladimir Putin.") << QString()
                << QStringList{QStringLiteral("Must Read"), QStringLiteral("2024"), QStringLiteral("Editorial"),
                               QStringLiteral("5G charade")}
                << QString();
        }
    }
    void cleans()
    {
        QFETCH(QString, file);
        QFETCH(QString, startsWith);
        QFETCH(QString, endsWith);
        QFETCH(QString, title);
        QFETCH(QStringList, absent);
        const QString input = read(file);
        QVERIFY2(!input.isEmpty(), qPrintable(file));
        const CleanedText c = TextCleaner::clean(input);
        QVERIFY2(c.text.startsWith(startsWith), qPrintable(c.text.left(120)));
        QVERIFY2(c.text.endsWith(endsWith), qPrintable(c.text.right(120)));
        if (!title.isEmpty()) {
            QCOMPARE(c.title, title);
        }
        for (const QString &junk : absent) {
            QVERIFY2(!c.text.contains(junk), qPrintable(junk));
        }
        QVERIFY(!c.text.contains(QLatin1String("\n\n\n")));
    }

    void datelines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("date");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::newRow("wire without year") << QStringLiteral("MOSCOW, March 28 (Reuters) - Russia said on Tuesday it would keep its bases.")
                                           << QString() << 3 << 28;
        QTest::newRow("with year") << QStringLiteral("ANKARA, July 12, 2016 (AP) — Turkey closed its airspace to the coalition.")
                                   << QStringLiteral("2016-07-12") << 7 << 12;
        QTest::newRow("day first") << QStringLiteral("DJIBOUTI, 4 June 2024 - The government signed a lease for the pier.")
                                   << QStringLiteral("2024-06-04") << 6 << 4;
        QTest::newRow("abbreviated month") << QStringLiteral("TEHRAN, Aug. 17 (Entente) - Iran confirmed the deployment.")
                                           << QString() << 8 << 17;
        QTest::newRow("no dateline") << QStringLiteral("Russia and Iran signed a treaty on Friday in Moscow.") << QString()
                                     << 0 << 0;
    }
    void datelines()
    {
        QFETCH(QString, text);
        QFETCH(QString, date);
        QFETCH(int, month);
        QFETCH(int, day);
        const CleanedText c = TextCleaner::clean(text);
        QCOMPARE(c.dateline.toString(), date);
        QCOMPARE(c.datelineMonth, month);
        QCOMPARE(c.datelineDay, day);
    }

    void normalisesWhitespace()
    {
        const QString in = QStringLiteral("  One\u00a0line\r\n\r\n\r\nTwo\tlines \u2028");
        QCOMPARE(TextCleaner::normaliseWhitespace(in), QStringLiteral("One line\n\nTwo lines"));
    }
};

QTEST_GUILESS_MAIN(TestTextCleaner)
#include "tst_textcleaner.moc"
