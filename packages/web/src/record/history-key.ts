// The query key of a record's history, apart from the history tab itself so that the record
// page can refresh it after a save without loading the tab's code.
export const historyKey = (object: string, id: string) => ['history', object, id] as const;
