/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Analysis Result</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * The output of one analysis run: the analysis type id, its parameters and inputs, small tables inline and larger arrays in a safetensors file of the store.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.AnalysisResult#getAnalysisId <em>Analysis Id</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getParameters <em>Parameters</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getInputCaptures <em>Input Captures</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getInputVectors <em>Input Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getTables <em>Tables</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getArrays <em>Arrays</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getProducedVectors <em>Produced Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getArraysFile <em>Arrays File</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getArraysSha256 <em>Arrays Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.AnalysisResult#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getAnalysisResult()
 * @model
 * @generated
 */
public interface AnalysisResult extends Identified {
	/**
	 * Returns the value of the '<em><b>Analysis Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Analysis Id</em>' attribute.
	 * @see #setAnalysisId(String)
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_AnalysisId()
	 * @model
	 * @generated
	 */
	String getAnalysisId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.AnalysisResult#getAnalysisId <em>Analysis Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Analysis Id</em>' attribute.
	 * @see #getAnalysisId()
	 * @generated
	 */
	void setAnalysisId(String value);

	/**
	 * Returns the value of the '<em><b>Parameters</b></em>' map.
	 * The key is of type {@link java.lang.String},
	 * and the value is of type {@link java.lang.String},
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parameters</em>' map.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_Parameters()
	 * @model mapType="io.mechanist.model.StringEntry&lt;org.eclipse.emf.ecore.EString, org.eclipse.emf.ecore.EString&gt;"
	 * @generated
	 */
	EMap<String, String> getParameters();

	/**
	 * Returns the value of the '<em><b>Input Captures</b></em>' reference list.
	 * The list contents are of type {@link io.mechanist.model.Capture}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Input Captures</em>' reference list.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_InputCaptures()
	 * @model
	 * @generated
	 */
	EList<Capture> getInputCaptures();

	/**
	 * Returns the value of the '<em><b>Input Vectors</b></em>' reference list.
	 * The list contents are of type {@link io.mechanist.model.StoredVector}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Input Vectors</em>' reference list.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_InputVectors()
	 * @model
	 * @generated
	 */
	EList<StoredVector> getInputVectors();

	/**
	 * Returns the value of the '<em><b>Tables</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.ResultTable}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tables</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_Tables()
	 * @model containment="true"
	 * @generated
	 */
	EList<ResultTable> getTables();

	/**
	 * Returns the value of the '<em><b>Arrays</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.ResultArray}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Arrays</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_Arrays()
	 * @model containment="true"
	 * @generated
	 */
	EList<ResultArray> getArrays();

	/**
	 * Returns the value of the '<em><b>Produced Vectors</b></em>' reference list.
	 * The list contents are of type {@link io.mechanist.model.StoredVector}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Produced Vectors</em>' reference list.
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_ProducedVectors()
	 * @model
	 * @generated
	 */
	EList<StoredVector> getProducedVectors();

	/**
	 * Returns the value of the '<em><b>Arrays File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Arrays File</em>' attribute.
	 * @see #setArraysFile(String)
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_ArraysFile()
	 * @model
	 * @generated
	 */
	String getArraysFile();

	/**
	 * Sets the value of the '{@link io.mechanist.model.AnalysisResult#getArraysFile <em>Arrays File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Arrays File</em>' attribute.
	 * @see #getArraysFile()
	 * @generated
	 */
	void setArraysFile(String value);

	/**
	 * Returns the value of the '<em><b>Arrays Sha256</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Arrays Sha256</em>' attribute.
	 * @see #setArraysSha256(String)
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_ArraysSha256()
	 * @model
	 * @generated
	 */
	String getArraysSha256();

	/**
	 * Sets the value of the '{@link io.mechanist.model.AnalysisResult#getArraysSha256 <em>Arrays Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Arrays Sha256</em>' attribute.
	 * @see #getArraysSha256()
	 * @generated
	 */
	void setArraysSha256(String value);

	/**
	 * Returns the value of the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Provenance</em>' containment reference.
	 * @see #setProvenance(Provenance)
	 * @see io.mechanist.model.MechanistPackage#getAnalysisResult_Provenance()
	 * @model containment="true"
	 * @generated
	 */
	Provenance getProvenance();

	/**
	 * Sets the value of the '{@link io.mechanist.model.AnalysisResult#getProvenance <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Provenance</em>' containment reference.
	 * @see #getProvenance()
	 * @generated
	 */
	void setProvenance(Provenance value);

} // AnalysisResult
