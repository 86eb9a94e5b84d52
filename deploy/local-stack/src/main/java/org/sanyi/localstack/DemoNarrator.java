package org.sanyi.localstack;

/** How a part of the demo numbers its steps and prints, shared by all parts of one run. */
interface DemoNarrator {

    void beginStep(String what);

    void say(String line);

    /** The institution's name and code, as the directory gave them. */
    String party(String code);
}
