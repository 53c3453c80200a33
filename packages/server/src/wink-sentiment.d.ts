// wink-sentiment ships no types; the part Rapport uses.
declare module 'wink-sentiment' {
  interface SentimentResult {
    score: number;
    /** Score per word, in [−5, 5]. */
    normalizedScore: number;
  }
  export default function sentiment(phrase: string): SentimentResult;
}
